using System.Net;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Documents;

/// <summary><c>POST /api/documents</c> with valid documents: NDJSON, JSON arrays, <c>?wait=true</c>, replacement.</summary>
public sealed class IngestTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task Ndjson_is_accepted_with_202_and_the_count()
    {
        var documents = Enumerable.Range(1, 4).Select(i => Statements.Doc(Statements.UniqueId("nd"), $"نص البيان رقم {i}")).ToList();

        var response = await factory.CreateClient().PostNdjsonAsync(documents);
        var accepted = await response.ReadAcceptedAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(4, accepted.Accepted);
        Assert.True(accepted.Sequence >= 4);
        foreach (var document in documents)
            Assert.Equal(document.Body, (await factory.CreateApi().GetDocumentAsync(document.Id)).Body);
    }

    [Fact]
    public async Task A_json_array_with_wait_is_searchable_as_soon_as_the_answer_comes()
    {
        var word = Statements.UniqueWord();
        var documents = new[]
        {
            Statements.Doc(Statements.UniqueId("arr"), $"أكدت الحكومة التزامها بدعم المزارعين {word}", "2021-05-01"),
            Statements.Doc(Statements.UniqueId("arr"), $"افتتح المحافظ مدرسة جديدة {word}", "2022-09-12"),
        };

        var accepted = await (await factory.CreateClient().PostJsonArrayAsync(documents, wait: true)).ReadAcceptedAsync();
        var result = await factory.CreateApi().SearchAsync(new SearchQuery { Q = word });

        Assert.Equal(2, accepted.Accepted);
        Assert.Equal(2, result.Total);
        Assert.Equal(documents.Select(d => d.Id).Order(), result.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Ndjson_with_wait_is_searchable_as_soon_as_the_answer_comes()
    {
        var word = Statements.UniqueWord();
        var id = Statements.UniqueId("wait");

        await (await factory.CreateClient().PostNdjsonAsync([Statements.Doc(id, $"بيان عاجل {word}")], wait: true)).ReadAcceptedAsync();
        var result = await factory.CreateApi().SearchAsync(new SearchQuery { Q = word });

        Assert.Equal(id, Assert.Single(result.Hits).Id);
    }

    [Theory]
    [InlineData("application/x-ndjson; charset=utf-8")]
    [InlineData("application/ndjson")]
    [InlineData("application/jsonl")]
    [InlineData("application/x-jsonlines")]
    [InlineData("application/jsonlines")]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task Json_lines_are_taken_under_every_content_type_the_service_reads(string? contentType)
    {
        // DocumentRequestReader reads JSON Lines under all these types, and without one.
        var id = Statements.UniqueId("type");
        var body = System.Text.Encoding.UTF8.GetBytes(Statements.ToNdjson([Statements.Doc(id, "نص البيان")]));

        var response = await factory.CreateClient().PostDocumentsAsync(body, contentType);

        Assert.Equal(1, (await response.ReadAcceptedAsync()).Accepted);
    }

    [Fact]
    public async Task Ndjson_skips_blank_lines_and_takes_a_last_line_without_line_feed()
    {
        var a = Statements.Doc(Statements.UniqueId("blank"), "النص الأول");
        var b = Statements.Doc(Statements.UniqueId("blank"), "النص الثاني");
        var body = Statements.ToJson(a) + "\r\n\r\n   \n" + Statements.ToJson(b);

        var accepted = await (await factory.CreateClient().PostNdjsonAsync(body)).ReadAcceptedAsync();

        Assert.Equal(2, accepted.Accepted);
        Assert.Equal("النص الثاني", (await factory.CreateApi().GetDocumentAsync(b.Id)).Body);
    }

    [Fact]
    public async Task Sending_an_id_again_replaces_the_document()
    {
        var api = factory.CreateApi();
        var client = factory.CreateClient();
        var id = Statements.UniqueId("بيان");
        var oldWord = Statements.UniqueWord();
        var newWord = Statements.UniqueWord();

        await (await client.PostNdjsonAsync([Statements.Doc(id, $"النسخة الأولى من البيان {oldWord}", "2020-01-01", "المصدر الأول", "العنوان الأول")], wait: true)).ReadAcceptedAsync();
        await (await client.PostNdjsonAsync([Statements.Doc(id, $"النسخة المصححة من البيان {newWord}", "2020-02-02", "المصدر الثاني", "العنوان الثاني")], wait: true)).ReadAcceptedAsync();

        var byOldWord = await api.SearchAsync(new SearchQuery { Q = oldWord });
        var byNewWord = await api.SearchAsync(new SearchQuery { Q = newWord });
        var byId = await api.GetDocumentAsync(id);

        Assert.Equal(0, byOldWord.Total);
        var hit = Assert.Single(byNewWord.Hits);
        Assert.Equal(id, hit.Id);
        Assert.Equal("العنوان الثاني", hit.Title);
        Assert.Equal("2020-02-02", hit.Date);
        Assert.Equal("المصدر الثاني", hit.Source);
        Assert.Equal($"النسخة المصححة من البيان {newWord}", byId.Body);
        Assert.Equal("2020-02-02", byId.Date);
        Assert.Equal("المصدر الثاني", byId.Source);
    }

    [Fact]
    public async Task The_same_id_twice_in_one_batch_keeps_one_document_the_last()
    {
        var api = factory.CreateApi();
        var id = Statements.UniqueId("twice");
        var word = Statements.UniqueWord();

        await (await factory.CreateClient().PostNdjsonAsync(
        [
            Statements.Doc(id, $"الصيغة الأولى {word}"),
            Statements.Doc(id, $"الصيغة الأخيرة {word}"),
        ], wait: true)).ReadAcceptedAsync();

        var result = await api.SearchAsync(new SearchQuery { Q = word });

        Assert.Equal(id, Assert.Single(result.Hits).Id);
        Assert.Equal($"الصيغة الأخيرة {word}", (await api.GetDocumentAsync(id)).Body);
    }

    [Fact]
    public async Task Returns_the_stored_document_with_every_field()
    {
        var id = Statements.UniqueId("full");
        var json = $$"""
            [{"id": "{{id}}", "title": " عنوان البيان ", "date": "٢٠٢١-٠٧-٢٧", "body": "نص البيان كاملا", "source": "وزارة الخارجية",
              "lang": "ar", "category": "سياسة", "url": "https://example.org/s/1", "summary": "حقل غير معروف يتجاهل"}]
            """;

        await (await factory.CreateClient().PostJsonArrayAsync(json)).ReadAcceptedAsync();
        var document = await factory.CreateApi().GetDocumentAsync(id);

        Assert.Equal(new ArchiveDocument(id, "عنوان البيان", "2021-07-27", "نص البيان كاملا", "وزارة الخارجية", "ar", "سياسة", "https://example.org/s/1"), document);
    }
}
