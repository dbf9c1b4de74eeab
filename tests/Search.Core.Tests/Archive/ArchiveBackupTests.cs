using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;
using static Search.Core.Tests.TestSupport.ArabicStatements;

namespace Search.Core.Tests.Archive;

/// <summary>The engine's backup of its archive, and how long its pending documents have waited for the index.</summary>
public sealed class ArchiveBackupTests : IDisposable
{
    private readonly TempDataFolder _folder = new();
    private readonly TempDataFolder _restored = new();

    public void Dispose()
    {
        _folder.Dispose();
        _restored.Dispose();
    }

    [Fact]
    public void A_backup_is_one_private_file_that_a_new_data_folder_serves_as_its_archive()
    {
        var documents = Enumerable.Range(1, 40).Select(i => Doc($"backup-{i}", $"بيان وزارة الخارجية رقم {i}", "2021-07-01")).ToList();
        var engine = _folder.OpenEngineWith(documents);
        var copy = _folder.File("copy.db");

        Assert.True(engine.BackupArchive(copy));

        Assert.False(File.Exists(copy + "-wal"), "the copy is a single file");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(copy));
        File.Copy(copy, _restored.File("archive.db"));
        var restored = _restored.OpenEngine();
        Assert.Equal(40, restored.Stats().ArchiveDocuments);
        restored.CatchUp();
        Assert.Equal(40, restored.Search(new SearchRequest("الخارجية", Size: 100)).Total);
        Assert.Equal(documents[7].Body, restored.Get("backup-8")!.Body);
    }

    [Fact]
    public void A_backup_refuses_to_overwrite_a_file()
    {
        var engine = _folder.OpenEngine();
        File.WriteAllText(_folder.File("taken.db"), "mine");
        Assert.ThrowsAny<IOException>(() => engine.BackupArchive(_folder.File("taken.db")));
        Assert.Equal("mine", File.ReadAllText(_folder.File("taken.db")));
    }

    [Fact]
    public void The_oldest_pending_document_ages_until_the_index_applies_it()
    {
        var engine = _folder.OpenEngine();
        Assert.Equal(TimeSpan.Zero, engine.OldestPendingAge());

        engine.Accept([Doc("waiting-1", "بيان ينتظر الفهرسة")]);
        Thread.Sleep(1_100);
        engine.Accept([Doc("waiting-2", "بيان ثان ينتظر")]);
        var age = engine.OldestPendingAge();

        Assert.InRange(age, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        engine.CatchUp();
        Assert.Equal(TimeSpan.Zero, engine.OldestPendingAge());
    }
}

/// <summary>The same with the archive in PostgreSQL: the lag is read from it, and a backup is pg_dump's to make, not the engine's.</summary>
public sealed class PostgresArchiveBackupTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_oldest_pending_document_ages_and_no_sqlite_backup_is_made()
    {
        var engine = _folder.OpenEngine(SearchEngineOptions.Default with { PostgresArchive = server.CreateDatabase() });
        engine.Accept([Doc("shared-1", "بيان في أرشيف مشترك")]);
        Thread.Sleep(1_100);

        Assert.InRange(engine.OldestPendingAge(), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        engine.CatchUp();
        Assert.Equal(TimeSpan.Zero, engine.OldestPendingAge());

        Assert.False(engine.BackupArchive(_folder.File("copy.db")));
        Assert.False(File.Exists(_folder.File("copy.db")));
        Assert.False(File.Exists(_folder.File("archive.db")));
    }
}
