using Search.Core.Index;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Index;

public sealed class IndexGenerationsTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_empty_data_folder_starts_at_generation_one()
    {
        var generations = new IndexGenerations(_folder.Path);

        Assert.Equal(1, generations.Current());
        Assert.True(Directory.Exists(generations.PathOf(1)));
        Assert.Equal("1", File.ReadAllText(Path.Combine(generations.Root, "current")));
    }

    [Fact]
    public void Making_a_generation_current_switches_the_pointer_durably()
    {
        var generations = new IndexGenerations(_folder.Path);
        generations.Current();

        generations.MakeCurrent(3);

        Assert.Equal(3, new IndexGenerations(_folder.Path).Current());
        Assert.True(Directory.Exists(generations.PathOf(3)));
        Assert.False(File.Exists(Path.Combine(generations.Root, "current.tmp")));
    }

    [Fact]
    public void The_engine_opens_the_current_generation()
    {
        new IndexGenerations(_folder.Path).MakeCurrent(2);

        var engine = _folder.OpenEngine();

        Assert.Equal(2, engine.Stats().Generation);
        Assert.Equal(Path.GetFullPath(new IndexGenerations(_folder.Path).PathOf(2)), Path.GetFullPath(engine.Index.Path));
    }
}
