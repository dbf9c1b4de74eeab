using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Speakers;

/// <summary>
/// Quotations and their speakers through HTTP (issue 21): a document given back with the quotations
/// found when it was indexed, <c>speaker=</c> under any of a speaker's names, <c>in=quotes</c>, the
/// speakers facet, and <c>GET /api/speakers</c> counting quotations and documents over the filtered set.
/// </summary>
public sealed class SpeakerTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    /// <summary>Letters that are never a clitic or an ending (<c>ب</c>, <c>ل</c>, <c>ه</c>, <c>ي</c>…), so a random word of them reads as a plain name.</summary>
    private const string Letters = "ثجحخدذرزشصضطظعغقمن";

    /// <summary>A surname no other test writes, so that tests sharing a service never count each other's speakers.</summary>
    private static string UniqueSurname() =>
        new(Guid.NewGuid().ToByteArray().Take(8).Select(b => Letters[b % Letters.Length]).ToArray());

    private static ArchiveDocument Doc(string id, string date, string body) => new(id, "تصريحات", date, body, "وكالة", null, null, null);

    private sealed record Posted(string Word, string Speaker, string Surname, string Quoted, string Short, string About);

    private async Task<Posted> PostStatementsAsync()
    {
        var (word, surname) = (Statements.UniqueWord(), UniqueSurname());
        var (quoted, shortly, about) = (Statements.UniqueId("quoted"), Statements.UniqueId("short"), Statements.UniqueId("about"));
        await (await factory.CreateClient().PostNdjsonAsync([
            Doc(quoted, "2023-03-01", $"وقال وزير الخارجية سامي {surname}: «إن المفاوضات {word} مستمرة». وأضاف أن الحل قريب."),
            Doc(shortly, "2023-05-02", $"وقال {surname} إن الاتفاق {word} ممكن هذا العام."),
            Doc(about, "2023-05-03", $"انتقد صحفيون كثيرون سامي {surname} بسبب موقفه من المفاوضات {word}."),
        ], wait: true)).ReadAcceptedAsync();
        return new Posted(word, $"سامي {surname}", surname, quoted, shortly, about);
    }

    private static IEnumerable<string> Ids(SearchResponse response) => response.Hits.Select(h => h.Id).Order(StringComparer.Ordinal);

    [Fact]
    public async Task A_document_and_its_hit_carry_their_quotations_with_speaker_role_and_offsets()
    {
        var posted = await PostStatementsAsync();
        var api = factory.CreateApi();

        var document = await api.GetDocumentAsync(posted.Quoted);
        var hit = (await api.SearchAsync(new SearchQuery { Q = posted.Word, Collapse = "none" })).Hits.Single(h => h.Id == posted.Quoted);

        Assert.Equal(2, document.Quotes!.Count);
        Assert.All(document.Quotes, quote => Assert.Equal(posted.Speaker, quote.Speaker));
        Assert.Equal("وزير الخارجية", document.Quotes[0].Role);
        Assert.Equal("الحل قريب", document.Quotes[1].Text);
        Assert.Equal(document.Quotes[1].Text, document.Body[document.Quotes[1].Start..document.Quotes[1].End]);
        Assert.Equal(document.Quotes, hit.Quotes);
        Assert.Null((await api.GetDocumentAsync(posted.About)).Quotes);
        // The highlighted document, which the page shows, carries them too, to mark them in its body.
        Assert.Equal(document.Quotes, (await api.GetHighlightedDocumentAsync(posted.Quoted, posted.Word)).Document.Quotes);
    }

    [Fact]
    public async Task The_speaker_filter_in_quotes_and_the_facet_agree_with_the_attributions()
    {
        var posted = await PostStatementsAsync();
        var api = factory.CreateApi();

        var all = await api.SearchAsync(new SearchQuery { Q = posted.Word, Collapse = "none" });
        var byName = await api.SearchAsync(new SearchQuery { Speaker = posted.Speaker, Collapse = "none" });
        var bySurname = await api.SearchAsync(new SearchQuery { Speaker = posted.Surname, Collapse = "none" });
        var inQuotes = await api.SearchAsync(new SearchQuery { Q = posted.Word, In = "quotes", Collapse = "none" });

        Assert.Equal(3, all.Total);
        Assert.Equal(new FacetBucket(posted.Speaker, 2), Assert.Single(all.Facets.Speakers!));
        Assert.Equal([posted.Quoted, posted.Short], Ids(byName));
        Assert.Equal([posted.Quoted, posted.Short], Ids(bySurname));
        Assert.Equal([posted.Quoted, posted.Short], Ids(inQuotes));
    }

    [Fact]
    public async Task The_speakers_listing_counts_quotations_and_documents_over_the_filtered_set()
    {
        var posted = await PostStatementsAsync();
        var api = factory.CreateApi();

        var all = await api.GetSpeakersAsync(q: posted.Word);
        var may = await api.GetSpeakersAsync(q: posted.Word, from: "2023-05-01", to: "2023-05-31");

        Assert.Equal(1, all.Total);
        Assert.Equal(new SpeakerInfo(posted.Speaker, 3, 2), Assert.Single(all.Speakers));
        Assert.Equal(new SpeakerInfo(posted.Speaker, 1, 1), Assert.Single(may.Speakers));
    }

    [Theory]
    [InlineData("/api/search?in=titles", "in")]
    [InlineData("/api/speakers?size=0", "size")]
    [InlineData("/api/speakers?from=tomorrow", "from")]
    [InlineData("/api/speakers?q=TOO_LONG", "q")]
    public async Task A_bad_parameter_is_a_400_naming_it(string uri, string parameter)
    {
        // Whatever is typed is searched: only a query over 1,000 characters has q refused.
        uri = uri.Replace("TOO_LONG", new string('ب', 1_001));
        var problem = await (await factory.CreateClient().GetAsync(uri)).ReadProblemAsync(400);

        Assert.Equal([parameter], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
