using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Features.Export;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;
using static Search.Api.Tests.TestSupport.Statements;

namespace Search.Api.Tests.Export;

/// <summary>
/// <c>GET /api/search/export</c>: every match, not a page, as CSV a CSV library reads back (RFC 4180,
/// UTF-8 with BOM) and as JSON Lines that <c>POST /api/documents</c> takes back into another service.
/// </summary>
public sealed class ExportTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    /// <summary>More documents than one page of the walk, with what CSV has to quote: commas, quotes, line breaks.</summary>
    private async Task<(string Word, List<ArchiveDocument> Documents)> PlantAsync(int count)
    {
        var word = UniqueWord();
        var documents = Enumerable.Range(0, count).Select(i => new ArchiveDocument(
            $"export-{word}-{i:D4}", $"بيان، \"رقم\" {i}", i % 50 == 0 ? null : new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            $"السطر الأول {word}, مع فاصلة\nوالسطر الثاني \"مقتبس\" {i}", i % 2 == 0 ? "وزارة الخارجية" : "وكالة الأنباء", "ar", null,
            i % 3 == 0 ? $"https://example.org/s/{i}" : null)).ToList();
        var client = factory.CreateClient();
        await (await client.PostNdjsonAsync(documents, wait: true)).ReadAcceptedAsync();
        return (word, documents);
    }

    [Fact]
    public async Task A_csv_export_holds_every_match_and_reads_back_with_a_csv_library()
    {
        var (word, documents) = await PlantAsync(640);
        var client = factory.CreateClient();
        var total = (await client.GetJsonAsync($"/api/search?q={word}&size=1")).GetProperty("total").GetInt64();
        Assert.Equal(documents.Count, total);

        var response = await client.GetAsync($"/api/search/export?q={word}&format=csv&order=date&body=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        using var csv = CsvReader.Create(bytes, null);
        Assert.Equal(["id", "date", "source", "title", "url", "snippet", "body"], csv.Headers);
        var rows = new List<CsvRow>();
        while (csv.Read())
            rows.Add(new CsvRow(csv.GetString("id"), csv.GetString("date"), csv.GetString("source"), csv.GetString("title"),
                csv.GetString("url"), csv.GetString("snippet"), csv.GetString("body")));
        Assert.Equal(total, rows.Count);
        Assert.Equal(documents.Count, rows.Select(r => r.Id).Distinct().Count());

        var byId = documents.ToDictionary(d => d.Id);
        foreach (var row in rows)
        {
            var document = byId[row.Id];
            Assert.Equal(document.Title, row.Title);
            Assert.Equal(document.Date ?? "", row.Date);
            Assert.Equal(document.Source, row.Source);
            Assert.Equal(document.Url ?? "", row.Url);
            Assert.Equal(document.Body, row.Body);
            Assert.Contains(word, row.Snippet, StringComparison.Ordinal);
        }
        // Newest first, the undated at the end.
        var dates = rows.Select(r => r.Date).ToList();
        var dated = dates.TakeWhile(d => d.Length > 0).ToList();
        Assert.Equal(dated.OrderByDescending(d => d, StringComparer.Ordinal), dated);
        Assert.All(dates.Skip(dated.Count), d => Assert.Equal("", d));
    }

    [Fact]
    public async Task A_csv_export_without_body_has_the_six_columns()
    {
        var (word, documents) = await PlantAsync(7);
        var client = factory.CreateClient();
        var text = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/search/export?q={word}"));
        using var csv = CsvReader.Create(Encoding.UTF8.GetBytes(text), null);
        Assert.Equal(["id", "date", "source", "title", "url", "snippet"], csv.Headers);
        var count = 0;
        while (csv.Read())
            count++;
        Assert.Equal(documents.Count, count);
    }

    [Fact]
    public async Task A_csv_field_a_spreadsheet_would_run_as_a_formula_is_kept_as_text_and_jsonl_keeps_it_as_it_is()
    {
        var word = UniqueWord();
        string[] titles = ["=HYPERLINK(\"http://example.org/x\",\"انقر\")", "+1+2", "-3+4", "@SUM(1,2)", "بيان = عادي"];
        var documents = titles.Select((title, i) => new ArchiveDocument($"formula-{word}-{i}", title, "2021-03-04",
            $"{word} نص البيان", i == 3 ? "=مصدر" : "وكالة الأنباء", "ar", null, null)).ToList();
        var client = factory.CreateClient();
        await (await client.PostNdjsonAsync(documents, wait: true)).ReadAcceptedAsync();

        using var csv = CsvReader.Create(await client.GetByteArrayAsync($"/api/search/export?q={word}&format=csv"), null);
        var rows = new Dictionary<string, (string Title, string Source)>();
        while (csv.Read())
            rows[csv.GetString("id")] = (csv.GetString("title"), csv.GetString("source"));
        Assert.Equal(documents.Count, rows.Count);
        foreach (var document in documents)
        {
            var guarded = (string text) => text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
            Assert.Equal(guarded(document.Title), rows[document.Id].Title);
            Assert.Equal(guarded(document.Source), rows[document.Id].Source);
        }
        Assert.Equal("بيان = عادي", rows[documents[^1].Id].Title);

        var lines = (await client.GetStringAsync($"/api/search/export?q={word}&format=jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var jsonTitles = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("title").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(titles.Order(StringComparer.Ordinal), jsonTitles);
    }

    [Fact]
    public async Task A_jsonl_export_posted_back_into_a_fresh_service_gives_the_same_documents()
    {
        var (word, documents) = await PlantAsync(530);
        var client = factory.CreateClient();
        var response = await client.GetAsync($"/api/search/export?q={word}&format=jsonl&order=relevance");
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = await response.Content.ReadAsStringAsync();
        Assert.Equal(documents.Count, lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        await using var fresh = SearchApiFactory.With();
        var other = fresh.CreateClient();
        var accepted = await (await other.PostNdjsonAsync(lines, wait: true)).ReadAcceptedAsync();
        Assert.Equal(documents.Count, accepted.Accepted);
        foreach (var document in documents.Where((_, i) => i % 37 == 0))
        {
            var back = JsonSerializer.Deserialize<ArchiveDocument>(await other.GetStringAsync($"/api/documents/{document.Id}"))!;
            Assert.Equal((document.Title, document.Date, document.Body, document.Source, document.Url),
                (back.Title, back.Date, back.Body, back.Source, back.Url));
        }
        Assert.Equal(documents.Count, (await other.GetJsonAsync($"/api/search?q={word}&size=1")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_jsonl_export_keeps_the_version_links_so_sending_it_back_keeps_them()
    {
        var word = UniqueWord();
        var arabic = new ArchiveDocument(UniqueId("ver-ar"), "بيان", "2021-03-03", $"نص عربي {word}", "وزارة الخارجية", "ar", null, null,
            [new TranslationLink("en", "ver-en-" + word, null), new TranslationLink("ru", null, "https://example.org/ru/" + word)]);
        var client = factory.CreateClient();
        await (await client.PostNdjsonAsync([arabic], wait: true)).ReadAcceptedAsync();
        var lines = await client.GetStringAsync($"/api/search/export?q={word}&format=jsonl");

        await using var fresh = SearchApiFactory.With();
        var other = fresh.CreateClient();
        await (await other.PostNdjsonAsync(lines, wait: true)).ReadAcceptedAsync();
        var back = JsonSerializer.Deserialize<ArchiveDocument>(await other.GetStringAsync($"/api/documents/{arabic.Id}"))!;
        var original = JsonSerializer.Deserialize<ArchiveDocument>(await client.GetStringAsync($"/api/documents/{arabic.Id}"))!;
        Assert.Equal(2, back.Translations!.Count);
        Assert.Equal(original.Translations, back.Translations);
    }

    [Fact]
    public async Task Every_copy_of_a_story_is_a_row_so_an_export_has_as_many_rows_as_total()
    {
        var word = UniqueWord();
        var body = $"قالت الوزارة في بيان رسمي اليوم إن المحادثات {word} مستمرة بين الطرفين وإن الجولة المقبلة ستعقد في العاصمة خلال الأسبوع المقبل بحضور الوفود كاملة.";
        var copies = Enumerable.Range(0, 4).Select(i => Doc(UniqueId("copy"), body, $"2022-05-0{i + 1}", $"مصدر {i}")).ToList();
        var client = factory.CreateClient();
        await (await client.PostNdjsonAsync(copies, wait: true)).ReadAcceptedAsync();
        var search = await client.GetJsonAsync($"/api/search?q={word}");
        var rows = (await client.GetStringAsync($"/api/search/export?q={word}&format=jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(search.GetProperty("total").GetInt64(), rows.Length);
    }

    [Fact]
    public async Task A_second_export_from_the_same_client_while_one_runs_is_429_with_retry_after()
    {
        var slots = factory.Services.GetRequiredService<ExportSlots>();
        // The test server's requests come from no address: the client key "unknown".
        using (slots.TryTake("unknown"))
        {
            var response = await factory.CreateClient().GetAsync("/api/search/export?q=x");
            await response.ReadProblemAsync(429);
            Assert.NotNull(response.Headers.RetryAfter);
        }
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/search/export?q=x")).StatusCode);
    }

    [Theory]
    [InlineData("format=xml", "format")]
    [InlineData("order=oldest", "order")]
    [InlineData("body=maybe", "body")]
    [InlineData("from=not-a-date", "from")]
    [InlineData("speaker=&in=verses", "in")]
    public async Task Bad_parameters_are_a_problem_naming_them(string query, string parameter)
    {
        var problem = await (await factory.CreateClient().GetAsync($"/api/search/export?q=x&{query}")).ReadProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    private sealed record CsvRow(string Id, string Date, string Source, string Title, string Url, string Snippet, string Body);
}
