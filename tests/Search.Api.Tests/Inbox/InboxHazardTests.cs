using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Tests.TestSupport;
using Search.Core;

namespace Search.Api.Tests.Inbox;

/// <summary>
/// What an attacker or a careless operator can leave in the inbox besides bad files: entries that are
/// not regular files, files that cannot be moved out once taken, names built to forge log lines. Each
/// must leave the worker going, the log with one clear line, and every document stored exactly once.
/// Each test runs its own service, since each leaves the inbox in a state of its own.
/// </summary>
public sealed class InboxHazardTests
{
    private static HostileApiFactory Service() => HostileApiFactory.Create(inboxPollInterval: "00:00:00.100");

    private static byte[] Page(string word) => Encoding.UTF8.GetBytes($"بيان اللجنة {word}\n\nأعلنت اللجنة اليوم عن خطة جديدة {word}.\n");

    private static async Task StartedAsync(SearchApiFactory service) => await service.CreateApi().GetStatusAsync();

    private static SearchEngine EngineOf(SearchApiFactory service) => service.Services.GetRequiredService<SearchEngine>();

    [SkippableFact]
    public async Task A_fifo_under_a_page_name_is_skipped_with_one_log_line_and_blocks_nothing()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs are made with Linux's mkfifo here");
        await using var service = Service();
        await StartedAsync(service);
        var fifo = Path.Combine(service.InboxPath, "x.html");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
            await mkfifo.WaitForExitAsync();

        await InboxFiles.WorkerTakesAFileAsync(service);
        await InboxFiles.WorkerTakesAFileAsync(service);

        Assert.True(File.Exists(fifo), "the FIFO was moved");
        Assert.Equal(["Inbox: x.html is skipped: it is a FIFO, not a regular file"], service.Log.Containing("x.html"));
    }

    [SkippableFact]
    public async Task A_socket_under_a_jsonl_name_is_skipped_with_one_log_line()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "Unix sockets in a folder are a Linux matter here");
        await using var service = Service();
        await StartedAsync(service);
        var path = Path.Combine(service.InboxPath, "listening.jsonl");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        await InboxFiles.WorkerTakesAFileAsync(service);
        await InboxFiles.WorkerTakesAFileAsync(service);

        Assert.Equal(["Inbox: listening.jsonl is skipped: it is a socket, not a regular file"], service.Log.Containing("listening.jsonl"));
    }

    /// <summary>
    /// A file where the folder its copy in done/ (or failed/) must go is: the move fails whoever runs
    /// the service (root too), as a folder without write permission or one removed underfoot makes it.
    /// </summary>
    private static void BlockMovesUnder(SearchApiFactory service, string outcomeFolder, string folder) =>
        File.WriteAllText(Path.Combine(service.InboxPath, outcomeFolder, folder), "in the way");

    [Fact]
    public async Task A_page_that_cannot_be_moved_to_done_is_stored_once_logged_left_and_moved_once_it_can_be()
    {
        await using var service = Service();
        await StartedAsync(service);
        var folder = Guid.NewGuid().ToString("N");
        var word = Statements.UniqueWord();
        BlockMovesUnder(service, "done", folder);

        var path = InboxFiles.Drop(service, $"{folder}/statement.txt", Page(word));
        Assert.True(await Poll.UntilAsync(() => service.Log.Containing($"{folder}/statement.txt could not be moved to done/").Count > 0), "no log line");
        var sequence = service.Engine.Stats().ArchiveSequence;
        await InboxFiles.WorkerTakesAFileAsync(service);
        await InboxFiles.WorkerTakesAFileAsync(service);

        Assert.True(File.Exists(path), "the file left the inbox");
        Assert.Equal(sequence + 2, service.Engine.Stats().ArchiveSequence);
        Assert.Single(service.Log.Containing($"{folder}/statement.txt could not be moved"));
        Assert.Equal(1, (await service.CreateCheckedClient().GetJsonAsync($"/api/search?q={word}")).GetProperty("total").GetInt32());

        File.Delete(Path.Combine(service.InboxPath, "done", folder));
        var moved = Path.Combine(service.InboxPath, "done", folder, "statement.txt");
        Assert.True(await Poll.UntilAsync(() => File.Exists(moved + ".report.json")), "the held file was not moved once it could be");
        Assert.False(File.Exists(path));
        Assert.Equal(sequence + 2, service.Engine.Stats().ArchiveSequence);
    }

    [Fact]
    public async Task A_refused_file_that_cannot_be_moved_to_failed_is_logged_and_left()
    {
        await using var service = Service();
        await StartedAsync(service);
        var folder = Guid.NewGuid().ToString("N");
        BlockMovesUnder(service, "failed", folder);

        var path = InboxFiles.Drop(service, $"{folder}/broken.jsonl", "{\"id\": \"x\"}\n"u8.ToArray());
        Assert.True(await Poll.UntilAsync(() => service.Log.Containing($"{folder}/broken.jsonl could not be moved to failed/").Count > 0), "no log line");
        await InboxFiles.WorkerTakesAFileAsync(service);
        await InboxFiles.WorkerTakesAFileAsync(service);

        Assert.True(File.Exists(path));
        Assert.Single(service.Log.Containing($"{folder}/broken.jsonl could not be moved"));
        Assert.Single(service.Log.Containing($"{folder}/broken.jsonl refused"));
    }

    [Fact]
    public async Task A_file_held_in_the_inbox_is_not_stored_again_after_a_restart()
    {
        using var data = new TempFolder();
        var folder = Guid.NewGuid().ToString("N");
        long sequence;
        await using (var first = SearchApiFactory.With(dataPath: data.Path, inboxPollInterval: "00:00:00.100"))
        {
            await StartedAsync(first);
            BlockMovesUnder(first, "done", folder);
            var lines = Encoding.UTF8.GetBytes(Statements.ToNdjson([Statements.Doc(Statements.UniqueId("held"), "نص محجوز")]));
            InboxFiles.Drop(first, $"{folder}/held.jsonl", lines);
            Assert.True(await Poll.UntilAsync(() => first.Log.Containing("could not be moved").Count > 0), "no log line");
            sequence = EngineOf(first).Stats().ArchiveSequence;
        }

        await using var second = SearchApiFactory.With(dataPath: data.Path, inboxPollInterval: "00:00:00.100");
        await StartedAsync(second);
        await InboxFiles.WorkerTakesAFileAsync(second);
        await InboxFiles.WorkerTakesAFileAsync(second);

        Assert.Equal(sequence + 2, EngineOf(second).Stats().ArchiveSequence);
        Assert.True(File.Exists(Path.Combine(second.InboxPath, folder, "held.jsonl")));
    }

    [Fact]
    public async Task A_name_holding_line_breaks_cannot_forge_a_log_line()
    {
        await using var service = Service();
        await StartedAsync(service);
        const string name = "x\nfail: Search.Api[0] forged line\r\n.jsonl";

        InboxFiles.Drop(service, name, "{\"id\": \"x\"}\n"u8.ToArray());
        Assert.True(await Poll.UntilAsync(() => service.Log.Containing("forged line").Count > 0), "the file was not taken");

        var lines = service.Log.Containing("forged line");
        Assert.All(lines, line => Assert.DoesNotContain('\n', line));
        Assert.Contains(lines, line => line.Contains("x\\nfail: Search.Api[0] forged line\\r\\n.jsonl", StringComparison.Ordinal));
    }
}
