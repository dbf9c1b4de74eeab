using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests;

/// <summary>
/// The data folder is held by one engine at a time, whatever process opens it, and is private to its
/// owner; one that cannot be written is refused when it is opened, naming the folder.
/// </summary>
public sealed class DataFolderTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_second_engine_on_the_same_folder_is_refused_until_the_first_closes()
    {
        var first = _folder.OpenEngine();

        var refused = Assert.Throws<DataFolderException>(() => SearchEngine.Open(_folder.Path));

        Assert.Equal($"The data folder {_folder.Path} is in use by another process (its id is in {_folder.File(".lock")}): " +
            "one process per data folder; stop that one or use another folder.", refused.Message);
        _folder.Close(first);
        Assert.Equal(Environment.ProcessId.ToString(), File.ReadAllText(_folder.File(".lock")).Trim());
        using var second = SearchEngine.Open(_folder.Path);
        Assert.Equal(_folder.Path, second.DataPath);
    }

    [Fact]
    public void A_refused_second_engine_deletes_no_generation_of_the_first()
    {
        var first = _folder.OpenEngineWith([new DocumentRecord("a", "بيان", null, "نص البيان", "", "ar", null, null)]);
        var generation = first.Stats().Generation;
        Directory.CreateDirectory(first.Generations.PathOf(generation + 1));

        Assert.Throws<DataFolderException>(() => SearchEngine.Open(_folder.Path));

        Assert.True(Directory.Exists(first.Generations.PathOf(generation)));
        Assert.True(Directory.Exists(first.Generations.PathOf(generation + 1)), "the refused engine cleaned up generations it does not own");
        Assert.Equal(1, first.Stats().IndexDocuments);
    }

    [SkippableFact]
    public void The_folder_and_the_archive_are_private_to_their_owner()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        File.SetUnixFileMode(_folder.Path, (UnixFileMode)0b111_101_101);

        using var engine = SearchEngine.Open(_folder.Path);

        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(_folder.Path));
        foreach (var file in new[] { "archive.db", "archive.db-wal", ".lock" })
            Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(_folder.File(file)));
    }

    [SkippableFact]
    public void A_folder_that_cannot_be_written_is_refused_naming_it()
    {
        var data = Path.Combine(_folder.Path, "data");
        using (SearchEngine.Open(data))
        {
        }
        using var readOnly = ReadOnlyFolder.TryMake(data);
        Skip.If(readOnly is null, ReadOnlyFolder.Unavailable);

        var refused = Assert.Throws<DataFolderException>(() => SearchEngine.Open(data));

        Assert.StartsWith($"The data folder {data} cannot be written: ", refused.Message);
    }
}
