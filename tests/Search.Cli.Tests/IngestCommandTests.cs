using Search.Api.Tests.TestSupport;
using Search.Cli.Tests.TestSupport;
using Search.Client.Contracts;
using static Search.Api.Tests.TestSupport.ServiceCalls;

namespace Search.Cli.Tests;

/// <summary><c>Search.Cli ingest</c> as a user runs it: several paths at once, each page reported, <c>--wait</c>, and a missing path explained.</summary>
[Collection(ProcessCollection.Name)]
public sealed class IngestCommandTests(CliService cli) : IClassFixture<CliService>
{
    private const string PageTitle = "الوزارة تفتتح مركزا جديدا لخدمة المواطنين";

    private static string TextPage(string word) => $"""
        {PageTitle} {word}

        ٢٧ يوليو ٢٠٢١

        افتتحت الوزارة اليوم مركزا جديدا لخدمة المواطنين في العاصمة يعمل طوال أيام الأسبوع {word}.

        وزارة الخدمات العامة
        """;

    [Fact]
    public async Task Several_paths_in_one_call_are_ingested_and_each_page_is_printed_with_its_id_and_title()
    {
        var word = Statements.UniqueWord();
        var lines = cli.Write($"{word}/statements.jsonl", Statements.ToNdjson(Batch(word, 0, 3)));
        var folder = $"{word}/pages";
        cli.Write($"{folder}/2021/centre.txt", TextPage(word));

        var (exitCode, output) = await cli.RunAsync("ingest", lines, folder, "--wait");

        Assert.True(exitCode == 0, output);
        var page = (await cli.Service.GetAsync<SearchResponse>($"/api/search?q=%2B{word}+%2Bالمواطنين")).Hits.Single();
        Assert.Contains($"Added 2021/centre.txt as {page.Id} (2021-07-27): {PageTitle} {word}", output);
        Assert.Contains("Documents accepted    4", output);
    }

    [Fact]
    public async Task With_wait_everything_sent_is_searchable_when_the_command_returns()
    {
        var word = Statements.UniqueWord();
        var documents = Enumerable.Range(0, 5).SelectMany(b => Batch(word, b, 1_000)).ToList();
        var file = cli.Write($"{word}.jsonl", Statements.ToNdjson(documents));

        var (exitCode, output) = await cli.RunAsync("ingest", file, "--wait");

        Assert.True(exitCode == 0, output);
        Assert.Contains("none pending", output);
        Assert.Equal(0, (await cli.Service.GetAsync<StatusResponse>("/api/status")).Pending);
        Assert.Equal(documents.Count, await cli.Service.TokenTotalAsync(word));
    }

    [Fact]
    public async Task A_missing_path_is_named_with_where_it_was_looked_for_and_nothing_is_sent()
    {
        var word = Statements.UniqueWord();
        var present = cli.Write($"{word}.jsonl", Statements.ToNdjson(Batch(word, 0, 2)));

        var (exitCode, output) = await cli.RunAsync("ingest", present, "no-such-folder/");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"'no-such-folder/' is neither a file nor a folder (looked for {Path.Combine(cli.WorkingFolder, "no-such-folder")}", output);
        Assert.Equal(0, await cli.Service.TokenTotalAsync(word));
    }

    [Fact]
    public async Task The_shared_corpus_missing_from_a_fresh_clone_is_explained()
    {
        Assert.False(Directory.Exists(Path.Combine(cli.WorkingFolder, "..", "shared")));

        var (exitCode, output) = await cli.RunAsync("ingest", "../shared/corpus");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("../shared is the project's shared data", output);
        Assert.Contains("not part of a clone", output);
    }

    /// <summary>Documents holding the word (as their Latin token), so that a test finds only its own.</summary>
    private static IReadOnlyList<ArchiveDocument> Batch(string word, int batch, int size) =>
        ServiceCalls.Batch(word, batch, size).Select(d => d with { Body = $"{d.Body} {word}" }).ToList();
}
