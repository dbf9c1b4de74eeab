using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Inbox;

/// <summary>
/// Symbolic links in the inbox: the worker takes files from the inbox and its folders, so a link
/// to a folder elsewhere must not make it take (and move away) files from outside the data
/// folder, and a link back to the inbox must not make it go round for ever or stop. Each test
/// runs its own service, so that one that stops the worker harms no other.
/// </summary>
public sealed class InboxLinkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [SkippableFact]
    public async Task A_link_back_to_the_inbox_does_not_stop_the_worker()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "symbolic links to folders need no privilege here only");
        await using var service = HostileApiFactory.Create(inboxPollInterval: "00:00:00.100");
        await service.CreateCheckedClient().GetAsync("/api/status");
        Directory.CreateSymbolicLink(Path.Combine(service.InboxPath, "loop"), service.InboxPath);

        await WorkerTakesAFileAsync(service);
        await WorkerTakesAFileAsync(service);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await service.CreateCheckedClient().GetAsync("/api/status")).StatusCode);
    }

    [SkippableFact]
    public async Task A_link_to_a_folder_outside_takes_nothing_from_it()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "symbolic links to folders need no privilege here only");
        using var outside = new TempFolder();
        var word = Statements.UniqueWord();
        var secret = Path.Combine(outside.Path, "secret.txt");
        var secretLines = Path.Combine(outside.Path, "secret.jsonl");
        await File.WriteAllTextAsync(secret, $"بيان سري\n\nنص لا يخص الأرشيف {word}\n");
        await File.WriteAllTextAsync(secretLines, Statements.ToNdjson([Statements.Doc(Statements.UniqueId("secret"), $"نص سري {word}")]));
        File.SetLastWriteTimeUtc(secret, DateTime.UtcNow.AddMinutes(-1));
        File.SetLastWriteTimeUtc(secretLines, DateTime.UtcNow.AddMinutes(-1));
        await using var service = HostileApiFactory.Create(inboxPollInterval: "00:00:00.100");
        await service.CreateCheckedClient().GetAsync("/api/status");
        Directory.CreateSymbolicLink(Path.Combine(service.InboxPath, "elsewhere"), outside.Path);

        await WorkerTakesAFileAsync(service);

        Assert.True(File.Exists(secret), "a file outside the data folder was moved away through a link in the inbox");
        Assert.True(File.Exists(secretLines), "a file outside the data folder was moved away through a link in the inbox");
        var found = await service.CreateApi().SearchAsync(new SearchQuery { Q = word });
        Assert.Equal(0, found.Total);
    }

    [SkippableFact]
    public async Task A_link_to_a_file_outside_does_not_bring_it_in()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "symbolic links need no privilege here only");
        using var outside = new TempFolder();
        var word = Statements.UniqueWord();
        var secret = Path.Combine(outside.Path, "secret.txt");
        await File.WriteAllTextAsync(secret, $"بيان سري\n\nنص لا يخص الأرشيف {word}\n");
        await using var service = HostileApiFactory.Create(inboxPollInterval: "00:00:00.100");
        await service.CreateCheckedClient().GetAsync("/api/status");
        var link = Path.Combine(service.InboxPath, "innocent.txt");
        File.CreateSymbolicLink(link, secret);
        File.SetLastWriteTimeUtc(secret, DateTime.UtcNow.AddMinutes(-1));

        await WorkerTakesAFileAsync(service);

        Assert.True(File.Exists(secret));
        Assert.Equal(0, (await service.CreateApi().SearchAsync(new SearchQuery { Q = word })).Total);
    }

    /// <summary>A valid file dropped now is taken and its documents become searchable.</summary>
    private static async Task WorkerTakesAFileAsync(HostileApiFactory service)
    {
        var word = Statements.UniqueWord();
        var name = $"{Guid.NewGuid():N}.jsonl";
        var temporary = Path.Combine(service.InboxPath, name + ".tmp");
        await File.WriteAllTextAsync(temporary, Statements.ToNdjson([Statements.Doc(Statements.UniqueId("link"), $"نص {word}")]));
        File.SetLastWriteTimeUtc(temporary, DateTime.UtcNow.AddMinutes(-1));
        File.Move(temporary, Path.Combine(service.InboxPath, name));

        var done = Path.Combine(service.InboxPath, "done", name);
        Assert.True(await Poll.UntilAsync(() => File.Exists(done), Patience), "the worker did not take a valid file");
        var found = await Poll.UntilAsync(() => service.CreateApi().SearchAsync(new SearchQuery { Q = word }), r => r.Total == 1);
        Assert.Equal(1, found.Total);
    }
}
