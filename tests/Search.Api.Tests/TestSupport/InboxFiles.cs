using Search.Client.Contracts;

namespace Search.Api.Tests.TestSupport;

/// <summary>Files dropped into a service's inbox as writers are told to, and proof that its worker still takes them.</summary>
public static class InboxFiles
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Writes under a name the worker ignores, then renames into place; the file is dated a minute
    /// back, so the worker need not wait for it to settle. Returns its path.
    /// </summary>
    public static string Drop(SearchApiFactory service, string name, byte[] content)
    {
        var target = Path.Combine(service.InboxPath, name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(service.InboxPath, Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllBytes(temporary, content);
        File.SetLastWriteTimeUtc(temporary, DateTime.UtcNow.AddMinutes(-1));
        File.Move(temporary, target);
        return target;
    }

    /// <summary>A valid file dropped now is taken and its document becomes searchable: the worker is alive and has looked at the inbox since.</summary>
    public static async Task WorkerTakesAFileAsync(SearchApiFactory service)
    {
        var word = Statements.UniqueWord();
        var name = $"{Guid.NewGuid():N}.jsonl";
        Drop(service, name, System.Text.Encoding.UTF8.GetBytes(Statements.ToNdjson([Statements.Doc(Statements.UniqueId("alive"), $"نص {word}")])));

        var done = Path.Combine(service.InboxPath, "done", name);
        Assert.True(await Poll.UntilAsync(() => File.Exists(done), Patience), "the worker did not take a valid file");
        var found = await Poll.UntilAsync(() => service.CreateApi().SearchAsync(new SearchQuery { Q = word }), r => r.Total == 1);
        Assert.Equal(1, found.Total);
    }
}
