using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Quotes;

/// <summary>
/// Quotations through the engine's door, on a real archive and index: found when a document is indexed
/// and stored with it, the <c>speaker</c> filter (by any name the archive writes for the speaker),
/// <c>in=quotes</c>, the speakers facet and the speakers listing agreeing with the attributions.
/// </summary>
public sealed class QuoteSearchTests : IDisposable
{
    private static readonly DocumentRecord[] Documents =
    [
        new("peskov-1", "الكرملين والمفاوضات", new DateOnly(2022, 3, 1),
            "وقال المتحدث باسم الكرملين دميتري بيسكوف: \"المفاوضات مع أوكرانيا متوقفة الآن\". وأضاف أن موسكو مستعدة للحوار.", "وكالة"),
        new("peskov-2", "العقوبات", new DateOnly(2022, 5, 2),
            "وقال بيسكوف إن العقوبات على روسيا غير قانونية.", "وكالة"),
        new("lavrov-1", "الانسحاب", new DateOnly(2022, 5, 3),
            "وأكد وزير الخارجية سيرغي لافروف أن الانسحاب من العراق ضروري.", "صحيفة"),
        new("about-peskov", "انتقادات", new DateOnly(2022, 5, 4),
            "انتقد صحفيون كثيرون دميتري بيسكوف بسبب موقفه من المفاوضات مع أوكرانيا.", "صحيفة"),
    ];

    private readonly TempDataFolder _folder = new();
    private readonly SearchEngine _engine;

    public QuoteSearchTests() => _engine = _folder.OpenEngineWith(Documents);

    public void Dispose() => _folder.Dispose();

    private string Ids(SearchRequest request) =>
        string.Join(' ', _engine.Search(request with { Collapse = false }).Hits.Select(h => h.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void Quotations_are_found_at_indexing_and_stored_with_the_document()
    {
        var quotes = _engine.QuotesOf("peskov-1");
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, quote => Assert.Equal("دميتري بيسكوف", quote.Speaker));
        Assert.Equal("المفاوضات مع أوكرانيا متوقفة الآن", quotes[0].Text);
        Assert.Equal(quotes[0].Text, Documents[0].Body[quotes[0].Start..quotes[0].End]);
        Assert.Equal("موسكو مستعدة للحوار", quotes[1].Text);
        Assert.Empty(_engine.QuotesOf("about-peskov"));

        var hit = Assert.Single(_engine.Search(new SearchRequest("الانسحاب")).Hits);
        Assert.Equal("سيرغي لافروف", Assert.Single(hit.Quotes).Speaker);
    }

    [Theory]
    [InlineData("دميتري بيسكوف", "peskov-1 peskov-2")]
    [InlineData("بيسكوف", "peskov-1 peskov-2")]
    [InlineData("ديمتري بيسكوف", "")]
    [InlineData("سيرغى لافروف", "lavrov-1")]
    public void The_speaker_filter_keeps_the_documents_quoting_them_under_any_of_their_names(string speaker, string expected) =>
        Assert.Equal(expected, Ids(new SearchRequest(Speaker: speaker)));

    [Fact]
    public void In_quotes_matches_the_words_inside_quotations_only()
    {
        Assert.Equal("about-peskov peskov-1", Ids(new SearchRequest("المفاوضات")));
        Assert.Equal("peskov-1", Ids(new SearchRequest("المفاوضات", InQuotes: true)));
        Assert.Equal("", Ids(new SearchRequest("الكرملين", InQuotes: true)));
        Assert.Equal("peskov-2", Ids(new SearchRequest("العقوبات", Speaker: "بيسكوف", InQuotes: true)));
    }

    [Fact]
    public void In_quotes_keeps_a_phrase_to_one_quotation_and_reads_every_segment()
    {
        Assert.Equal("peskov-1", Ids(new SearchRequest("\"المفاوضات مع أوكرانيا\"", InQuotes: true)));
        // Both words are in peskov-1's body, one inside the quotation and one after it.
        Assert.Equal("peskov-1", Ids(new SearchRequest("\"الآن وأضاف\"")));
        Assert.Equal("", Ids(new SearchRequest("\"الآن وأضاف\"", InQuotes: true)));

        // A later batch is another segment; the view reads them all, and a replaced body's quotations replace the old ones.
        _engine.Accept([
            new DocumentRecord("peskov-3", "أوكرانيا", new DateOnly(2022, 6, 1), "وقال بيسكوف: \"المفاوضات مع أوكرانيا لم تبدأ بعد\".", "وكالة"),
            Documents[0] with { Body = "وقال المتحدث باسم الكرملين دميتري بيسكوف إن موسكو مستعدة للحوار، والمفاوضات متوقفة." },
        ]);
        _engine.CatchUp();
        Assert.Equal("peskov-3", Ids(new SearchRequest("\"المفاوضات مع أوكرانيا\"", InQuotes: true)));
        Assert.Equal("peskov-1 peskov-3", Ids(new SearchRequest("المفاوضات", InQuotes: true)));
        Assert.Equal(2, _engine.Search(new SearchRequest("المفاوضات", InQuotes: true, Collapse: false)).Total);
    }

    [Fact]
    public void The_speakers_facet_counts_documents_per_speaker_with_their_names_as_one()
    {
        var facets = _engine.Search(new SearchRequest(Collapse: false)).Facets;
        Assert.Equal([new Bucket("دميتري بيسكوف", 2), new Bucket("سيرغي لافروف", 1)], facets.Speakers);
        Assert.Equal([new Bucket("دميتري بيسكوف", 1)], _engine.Search(new SearchRequest("أوكرانيا", Collapse: false)).Facets.Speakers);
    }

    [Fact]
    public void The_speakers_facet_keeps_the_most_quoted_then_by_name_when_more_are_quoted()
    {
        // 60 speakers: the first six quoted in three documents, the next six in two, the rest in one.
        string[] first = ["أحمد", "سامي", "خالد", "يوسف", "عمر", "طارق"], last = ["الخوري", "النجار", "الحداد", "العطار", "الصباغ", "الخياط", "الدباغ", "السقا", "الشامي", "المصري"];
        var names = first.SelectMany(f => last.Select(l => $"{f} {l}")).ToList();
        var documents = names.SelectMany((name, i) => Enumerable.Range(0, i < 6 ? 3 : i < 12 ? 2 : 1)
            .Select(copy => new DocumentRecord($"many-{i}-{copy}", $"تصريح {i}", new DateOnly(2023, 1, 1 + copy),
                $"وقال {name}: \"الاقتصاد ينمو بثبات هذا العام رقم {i} {copy}\".", "وكالة"))).ToList();
        using var folder = new TempDataFolder();
        var engine = folder.OpenEngineWith(documents);

        var speakers = engine.Search(new SearchRequest("الاقتصاد", Collapse: false)).Facets.Speakers;

        var expected = names.Select((name, i) => new Bucket(name, i < 6 ? 3 : i < 12 ? 2 : 1))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal).Take(Facets.MaxSpeakers).ToList();
        Assert.Equal(expected, speakers);
    }

    [Fact]
    public void The_speakers_listing_counts_quotations_and_documents_over_the_filtered_set()
    {
        var all = _engine.Speakers(null, null, null, 10);
        Assert.Equal(2, all.Total);
        Assert.Equal([new SpeakerCount("دميتري بيسكوف", 3, 2), new SpeakerCount("سيرغي لافروف", 1, 1)], all.Speakers);

        var may = _engine.Speakers(null, new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 31), 10);
        Assert.Equal([new SpeakerCount("دميتري بيسكوف", 1, 1), new SpeakerCount("سيرغي لافروف", 1, 1)], may.Speakers);
        Assert.Equal([new SpeakerCount("سيرغي لافروف", 1, 1)], _engine.Speakers("العراق", null, null, 10).Speakers);
        Assert.Single(_engine.Speakers(null, null, null, 1).Speakers);
    }

    [Fact]
    public void A_snippet_is_the_passage_around_a_match_inside_a_quotation_rather_than_an_earlier_one_outside()
    {
        // The query's word comes first outside any quotation, then, past a snippet's length, inside one.
        var filler = string.Concat(Enumerable.Repeat("استمرت الجلسة ساعات طويلة في العاصمة. ", 10));
        _engine.Accept([
            new DocumentRecord("quoted-later", "جلسة", new DateOnly(2022, 7, 1),
                "بدأت الهدنة صباح الاثنين. " + filler + "وقال بيسكوف: \"الهدنة صامدة حتى الآن\".", "وكالة"),
            new DocumentRecord("unquoted-later", "جلسة أخرى", new DateOnly(2022, 7, 2),
                "بدأت الهدنة صباح الاثنين. " + filler + "وبقيت الهدنة صامدة حتى الآن.", "وكالة"),
        ]);
        _engine.CatchUp();

        var hits = _engine.Search(new SearchRequest("الهدنة", Collapse: false)).Hits.ToDictionary(h => h.Id);

        var quoted = hits["quoted-later"];
        Assert.Equal("الهدنة صامدة حتى الآن", Assert.Single(quoted.Quotes).Text);
        Assert.Contains("<mark>الهدنة</mark> صامدة", quoted.Snippet);
        Assert.DoesNotContain("بدأت", quoted.Snippet);
        // Without a quotation the snippet is today's: the first best passage, from the body's start.
        var unquoted = hits["unquoted-later"];
        Assert.Empty(unquoted.Quotes);
        Assert.StartsWith("بدأت <mark>الهدنة</mark>", unquoted.Snippet);
    }
}
