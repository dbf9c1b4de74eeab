using System.Net.Http.Json;
using Search.Api.Tests.TestSupport;
using Search.Cli.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Cli.Tests;

/// <summary>
/// <c>Search.Cli backup</c> saves the running service's archive to a file; <c>restore</c> puts it into an empty data
/// folder, where a new service builds its index from it and finds every document and saved search it held.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class BackupCommandTests(CliService cli) : IClassFixture<CliService>
{
    [Fact]
    public async Task A_backup_restored_into_an_empty_folder_is_served_whole_by_a_new_service()
    {
        var word = Statements.UniqueWord();
        var documents = Enumerable.Range(1, 120).Select(i => Statements.Doc($"{word}-{i}", $"بيان للنسخ الاحتياطي {word} رقم {i}")).ToList();
        using (var response = await cli.Service.Client.PostBatchAsync(documents))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using (var saved = await cli.Service.Client.PostAsJsonAsync("/api/saved-searches", new SavedSearchCreate("backed-up", new SavedSearchParameters(Q: word))))
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var held = (await cli.Service.WaitUntilIndexedAsync()).ArchiveDocuments;

        var (exitCode, output) = await cli.RunAsync("backup", "--out", "saved/archive-backup.db");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Backup of {held:N0} documents", output);
        Assert.False(File.Exists(Path.Combine(cli.WorkingFolder, "saved", "archive-backup.db.partial")));

        var restored = Path.Combine(cli.WorkingFolder, "restored");
        (exitCode, output) = await CliProcess.RunAsync(cli.WorkingFolder, "restore", "--from", "saved/archive-backup.db", "--data", "restored");
        Assert.True(exitCode == 0, output);
        Assert.Contains($"Restored {held:N0} documents", output);

        using var service = new ServiceProcess(restored, Path.Combine(cli.WorkingFolder, "restored.log"));
        await service.StartAsync();
        await service.WaitUntilIndexedAsync(held);
        Assert.Equal(documents.Count, await service.TokenTotalAsync(word));
        var searches = await service.GetAsync<List<SavedSearchInfo>>("/api/saved-searches");
        Assert.Contains(searches, s => s.Name == "backed-up");
    }

    [Fact]
    public async Task Restore_refuses_a_folder_that_holds_an_archive_and_a_file_that_is_not_a_backup()
    {
        Directory.CreateDirectory(Path.Combine(cli.WorkingFolder, "taken"));
        cli.Write("taken/archive.db", "held");
        cli.Write("notes.db", "not a database at all");

        var (exitCode, output) = await CliProcess.RunAsync(cli.WorkingFolder, "restore", "--from", "notes.db", "--data", "taken");
        Assert.Equal(1, exitCode);
        Assert.Contains("already holds an archive or an index", output);
        Assert.Equal("held", File.ReadAllText(Path.Combine(cli.WorkingFolder, "taken", "archive.db")));

        (exitCode, output) = await CliProcess.RunAsync(cli.WorkingFolder, "restore", "--from", "notes.db", "--data", "fresh");
        Assert.Equal(1, exitCode);
        Assert.Contains("is not a SQLite database", output);
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingFolder, "fresh")));
    }

    [Fact]
    public async Task A_backup_without_the_admin_key_is_refused_and_writes_nothing()
    {
        var (exitCode, output) = await CliProcess.RunAsync(cli.WorkingFolder, "backup", "--out", "nokey.db", "--url", cli.Url, "--data", "nowhere");
        Assert.Equal(1, exitCode);
        Assert.Contains("No API key was sent", output);
        Assert.False(File.Exists(Path.Combine(cli.WorkingFolder, "nokey.db")));
    }
}
