using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Inbox;

/// <summary>
/// Files dropped into <c>&lt;data&gt;/inbox</c>: taken whole into <c>done/</c>, refused whole into
/// <c>failed/</c> with a reason, or left alone when they are neither JSON Lines nor pages.
/// </summary>
public sealed class InboxTests(FastInboxSearchApiFactory factory) : IClassFixture<FastInboxSearchApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string Inbox => factory.InboxPath;

    private string Done(string name) => Path.Combine(Inbox, "done", name);

    private string Failed(string name) => Path.Combine(Inbox, "failed", name);

    /// <summary>Writes under a temporary name, then renames into place, as writers are told to.</summary>
    private void Drop(string name, byte[] content)
    {
        var temporary = Path.Combine(Inbox, name + ".tmp");
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, Path.Combine(Inbox, name));
    }

    /// <summary>The file is in <c>failed/</c> with its reason written.</summary>
    private bool Refused(string name)
    {
        var reason = new FileInfo(Failed(name + ".reason.txt"));
        return reason.Exists && reason.Length > 0;
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    private static List<ArchiveDocument> Statements3(string word) =>
        Enumerable.Range(1, 3).Select(i => Statements.Doc(Statements.UniqueId("inbox"), $"بيان من صندوق الوارد رقم {i} {word}")).ToList();

    private async Task StartedAsync() => await factory.CreateApi().GetStatusAsync();

    private async Task<SearchResponse> FoundAsync(string word, int count) =>
        await Poll.UntilAsync(() => factory.CreateApi().SearchAsync(new SearchQuery { Q = word }), r => r.Total == count);

    private async Task AssertNotStoredAsync(IEnumerable<ArchiveDocument> documents)
    {
        foreach (var document in documents)
            await (await factory.CreateClient().GetAsync($"/api/documents/{document.Id}")).ReadProblemAsync(404);
    }

    [Fact]
    public async Task A_gzipped_json_lines_file_is_ingested_and_moved_to_done()
    {
        await StartedAsync();
        var word = Statements.UniqueWord();
        var documents = Statements3(word);
        var name = $"{Guid.NewGuid():N}.jsonl.gz";

        Drop(name, Gzip(Statements.ToNdjson(documents)));

        Assert.True(await Poll.UntilAsync(() => File.Exists(Done(name))), $"{name} not in done/");
        Assert.False(File.Exists(Path.Combine(Inbox, name)));
        var result = await FoundAsync(word, 3);
        Assert.Equal(documents.Select(d => d.Id).Order(), result.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task A_plain_json_lines_file_is_ingested_and_moved_to_done()
    {
        await StartedAsync();
        var word = Statements.UniqueWord();
        var name = $"{Guid.NewGuid():N}.jsonl";

        var documents = Statements3(word);
        documents[2] = documents[2] with { Date = null };

        Drop(name, Encoding.UTF8.GetBytes(Statements.ToNdjson(documents)));

        Assert.True(await Poll.UntilAsync(() => File.Exists(Done(name + ".report.json"))), $"{name} not in done/ with its report");
        Assert.True(File.Exists(Done(name)));
        Assert.Equal(3, (await FoundAsync(word, 3)).Total);
        var report = JsonSerializer.Deserialize<IngestReport>(await File.ReadAllTextAsync(Done(name + ".report.json")), Json)!;
        Assert.Equal((3, 0, 1, 0), (report.Accepted, report.Replaced, report.Undated, report.Refused));
    }

    [Fact]
    public async Task A_file_with_one_bad_line_is_refused_whole_with_the_line_in_the_reason()
    {
        await StartedAsync();
        var documents = Statements3(Statements.UniqueWord());
        var lines = Statements.ToJson(documents[0]) + "\n"
            + Statements.ToJson(documents[1]) + "\n"
            + """{"id": "inbox-no-body", "title": "بلا نص"}""" + "\n"
            + Statements.ToJson(documents[2]) + "\n";
        var name = $"{Guid.NewGuid():N}.jsonl.gz";

        Drop(name, Gzip(lines));

        Assert.True(await Poll.UntilAsync(() => Refused(name)), $"{name} not refused");
        Assert.True(File.Exists(Failed(name)));
        Assert.False(File.Exists(Done(name)));
        var reason = await File.ReadAllTextAsync(Failed(name + ".reason.txt"));
        Assert.Contains("line 3", reason);
        Assert.Contains("body", reason);
        await AssertNotStoredAsync(documents);
        Assert.Equal(0, (await factory.CreateApi().GetStatusAsync()).Pending);
    }

    [Fact]
    public async Task A_truncated_gzip_file_is_refused_whole()
    {
        await StartedAsync();
        var documents = Enumerable.Range(1, 200)
            .Select(i => Statements.Doc(Statements.UniqueId("trunc"), $"بيان طويل رقم {i} " + Guid.NewGuid().ToString("N")))
            .ToList();
        var gzip = Gzip(Statements.ToNdjson(documents));
        var name = $"{Guid.NewGuid():N}.jsonl.gz";

        Drop(name, gzip[..(gzip.Length / 2)]);

        Assert.True(await Poll.UntilAsync(() => Refused(name)), $"{name} not refused");
        await AssertNotStoredAsync(documents.Take(5));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        await StartedAsync();
        var name = $"{Guid.NewGuid():N}.jsonl";

        Drop(name, []);

        Assert.True(await Poll.UntilAsync(() => Refused(name)), $"{name} not refused");
    }

    [Fact]
    public async Task Files_of_other_kinds_are_left_alone()
    {
        await StartedAsync();
        var csv = Path.Combine(Inbox, $"{Guid.NewGuid():N}.csv");
        var temporary = Path.Combine(Inbox, $"{Guid.NewGuid():N}.jsonl.tmp");
        var content = Statements.ToNdjson(Statements3(Statements.UniqueWord()));
        await File.WriteAllTextAsync(csv, content);
        await File.WriteAllTextAsync(temporary, content);

        // A file dropped afterwards and taken proves the inbox was looked at since.
        var marker = $"{Guid.NewGuid():N}.jsonl";
        Drop(marker, Encoding.UTF8.GetBytes(Statements.ToNdjson([Statements.Doc(Statements.UniqueId("marker"), "نص")])));
        Assert.True(await Poll.UntilAsync(() => File.Exists(Done(marker))), $"{marker} not in done/");

        Assert.True(File.Exists(csv));
        Assert.True(File.Exists(temporary));
        Assert.False(File.Exists(Done(Path.GetFileName(csv))));
        Assert.False(File.Exists(Failed(Path.GetFileName(csv))));
        File.Delete(csv);
        File.Delete(temporary);
    }

    [Fact]
    public async Task A_second_file_of_the_same_name_does_not_overwrite_the_first_in_done()
    {
        await StartedAsync();
        var name = $"{Guid.NewGuid():N}.jsonl";
        var first = Statements.UniqueWord();
        var second = Statements.UniqueWord();

        Drop(name, Encoding.UTF8.GetBytes(Statements.ToNdjson(Statements3(first))));
        Assert.True(await Poll.UntilAsync(() => File.Exists(Done(name))));
        Drop(name, Encoding.UTF8.GetBytes(Statements.ToNdjson(Statements3(second))));
        Assert.True(await Poll.UntilAsync(() => Directory.GetFiles(Path.Combine(Inbox, "done"), "*" + name).Length == 2));

        Assert.Equal(3, (await FoundAsync(first, 3)).Total);
        Assert.Equal(3, (await FoundAsync(second, 3)).Total);
    }
}
