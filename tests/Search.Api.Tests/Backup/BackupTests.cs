using System.Net;
using Microsoft.Data.Sqlite;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Backup;

/// <summary>
/// <c>POST /api/admin/backup</c>: a consistent copy of the SQLite archive taken while documents keep arriving,
/// which a new data folder serves as its archive: the service indexes all of it at start and keeps its saved searches.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Without_the_admin_key_there_is_no_backup()
    {
        await using var factory = new SearchApiFactory();
        await (await factory.CreateAnonymousClient().PostAsync("/api/admin/backup", null)).ReadProblemAsync(401);
        Assert.Empty(Directory.GetFiles(factory.DataPath, "backup-*"));
    }

    [Fact]
    public async Task A_backup_taken_under_writes_is_the_archive_at_one_moment_and_a_restored_folder_serves_it_whole()
    {
        var word = Statements.UniqueWord();
        var backup = Path.Combine(_folder.Path, "archive-backup.db");
        long before, after, held;
        List<string> ids;
        string savedId;
        await using (var factory = new SearchApiFactory())
        {
            var client = factory.CreateClient();
            await (await client.PostNdjsonAsync(Batch(word, 0, 200), wait: true)).ReadAcceptedAsync();
            savedId = (await factory.CreateApi().CreateSavedSearchAsync(new SavedSearchCreate("kept", new SavedSearchParameters(Q: word)))).Id;
            before = (await factory.CreateApi().GetStatsAsync()).ArchiveDocuments;

            // A writer keeps posting batches until the backup is taken, and a few more after it.
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                var writerClient = factory.CreateClient();
                for (var batch = 1; !stop.IsCancellationRequested && batch < 400; batch++)
                    await (await writerClient.PostNdjsonAsync(Batch(word, batch, 50))).ReadAcceptedAsync();
            });
            await Poll.UntilAsync(async () => (await factory.CreateApi().GetStatsAsync()).ArchiveDocuments, count => count > before + 100);

            using (var response = await client.PostAsync("/api/admin/backup", null))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/vnd.sqlite3", response.Content.Headers.ContentType!.MediaType);
                await using var file = File.Create(backup);
                await response.Content.CopyToAsync(file);
            }
            (held, ids) = ReadBackup(backup);
            // The writer goes on past the copy before it stops, so the copy is neither the start nor the end.
            await Poll.UntilAsync(async () => (await factory.CreateApi().GetStatsAsync()).ArchiveDocuments, count => count > held);
            stop.Cancel();
            await writer;
            after = (await factory.CreateApi().GetStatsAsync()).ArchiveDocuments;
            Assert.Empty(Directory.GetFiles(factory.DataPath, "backup-*"));
        }

        Assert.InRange(held, before + 100, after - 1);

        var restored = Path.Combine(_folder.Path, "restored");
        Directory.CreateDirectory(restored);
        File.Copy(backup, Path.Combine(restored, "archive.db"));
        // With the sample asked for: a restored archive is not empty, so none is added to it.
        await using (var factory = SearchApiFactory.With(loadSample: true, dataPath: restored))
        {
            var api = factory.CreateApi();
            var stats = await Poll.UntilAsync(() => api.GetStatsAsync(), s => s.IndexDocuments == held && s.Pending == 0);
            Assert.Equal(held, stats.ArchiveDocuments);
            Assert.Equal(held, stats.IndexDocuments);
            Assert.Equal(held, (await api.SearchAsync(new SearchQuery { Q = word, Collapse = "none", Size = 1 })).Total);
            foreach (var id in ids.Where((_, i) => i % 97 == 0))
                Assert.Equal(id, (await api.GetDocumentAsync(id)).Id);
            Assert.Contains(await api.ListSavedSearchesAsync(), s => s.Id == savedId && s.Name == "kept");
        }
    }

    private static IEnumerable<ArchiveDocument> Batch(string word, int batch, int size) =>
        Enumerable.Range(1, size).Select(i => Statements.Doc($"{word}-{batch}-{i}", $"بيان محفوظ {word} دفعة {batch} رقم {i}"));

    private static (long Held, List<string> Ids) ReadBackup(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM documents WHERE deleted = 0 ORDER BY seq";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
            ids.Add(reader.GetString(0));
        return (ids.Count, ids);
    }
}
