using System.Text.Json;
using Search.Core.Following;
using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Following;

/// <summary>
/// A saved search is told of exactly the new documents its search finds: same analysis (clitics, hamza),
/// same filters (source, dates, language), typos expanded only where the whole index does not know the
/// word; documents stored before it was saved are not news to it; a round after the last finds nothing.
/// </summary>
public sealed class SavedSearchMatchingTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static DocumentRecord Doc(string id, string body, string source = "وكالة الأنباء", string date = "2021-06-01", string? lang = "ar") =>
        new(id, "بيان", DateOnly.Parse(date), body, source, lang);

    private static List<string> Alerted(SearchEngine engine, SavedSearch saved) => engine.DueAlerts(DateTimeOffset.UtcNow.AddMinutes(1), 1_000)
        .Where(a => a.SearchId == saved.Id)
        .SelectMany(a => JsonSerializer.Deserialize<List<AlertDocument>>(a.Documents, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
        .Select(d => d.Id)
        .Order(StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void Each_saved_search_is_told_of_the_new_documents_its_search_finds_and_of_no_other()
    {
        var engine = _folder.OpenEngineWith([
            Doc("old-1", "أعلنت وزارة الخارجية عن زيارة الكرملين"),
            Doc("old-2", "ثورة في قطاع الطاقة"),
        ]);
        var queries = new[]
        {
            new SavedQuery("الكرملين"),
            new SavedQuery("الكرملين", Source: "وزارة الخارجية"),
            new SavedQuery("\"وزارة الخارجية\"", From: new DateOnly(2022, 1, 1)),
            new SavedQuery("تورة"),
            new SavedQuery("statement", Lang: "en"),
            new SavedQuery("الطاقة -النفط"),
            new SavedQuery("المحادثات", InQuotes: true),
            new SavedQuery(Speaker: "دميتري بيسكوف"),
        };
        var saved = queries.Select((q, i) => engine.SaveSearch($"s{i}", q, new Uri("http://127.0.0.1:9/hook"))).ToList();

        var fresh = new[]
        {
            Doc("new-1", "وقال المتحدث باسم الكرملين إن المحادثات مستمرة", "وزارة الخارجية"),
            Doc("new-2", "بيان للكرملين عن العراق", "وكالة الأنباء", "2022-03-01"),
            Doc("new-3", "أكدت وزارة الخارجية موقفها", "وزارة الخارجية", "2022-05-05"),
            Doc("new-4", "The ministry issued a statement", "Reuters", "2022-05-05", "en"),
            Doc("new-5", "أسعار الطاقة والنفط ترتفع"),
            Doc("new-6", "الطاقة المتجددة في المنطقة"),
            Doc("new-7", "تورة الطلاب في الجامعة"),
            Doc("new-8", "وقال دميتري بيسكوف: \"المحادثات مع أوكرانيا متوقفة\"."),
            Doc("new-9", "تناولت الصحف المحادثات دون أن تنقل أي تصريح."),
        };
        engine.Accept(fresh);
        engine.CatchUp();
        Assert.True(engine.MatchSavedSearches() > 0);

        var freshIds = fresh.Select(d => d.Id).ToHashSet();
        for (var i = 0; i < saved.Count; i++)
        {
            var found = engine.Search(queries[i].ToRequest() with { Collapse = false, Size = 100 }).Hits
                .Select(h => h.Id).Where(freshIds.Contains).Order(StringComparer.Ordinal).ToList();
            Assert.True(found.SequenceEqual(Alerted(engine, saved[i])), $"{queries[i]}: search finds [{string.Join(",", found)}], alerted [{string.Join(",", Alerted(engine, saved[i]))}]");
        }
        Assert.Equal(["new-1", "new-2"], Alerted(engine, saved[0]));
        Assert.Equal(["new-1"], Alerted(engine, saved[1]));
        Assert.Equal(["new-3"], Alerted(engine, saved[2]));
        Assert.Equal(["new-4"], Alerted(engine, saved[4]));
        Assert.Equal(["new-6"], Alerted(engine, saved[5]));
        Assert.Equal(["new-1", "new-8"], Alerted(engine, saved[6])); // new-1 reports the spokesman's words: إن المحادثات …
        Assert.Equal(["new-8"], Alerted(engine, saved[7]));

        // Nothing new: the next round finds nothing and writes nothing.
        var pending = engine.SavedSearches().Sum(s => s.Pending);
        Assert.Equal(0, engine.MatchSavedSearches());
        Assert.Equal(pending, engine.SavedSearches().Sum(s => s.Pending));
    }

    [Fact]
    public void A_saved_search_survives_a_reopening_and_matches_what_was_stored_meanwhile()
    {
        var engine = _folder.OpenEngine();
        var saved = engine.SaveSearch("بعد الإغلاق", new SavedQuery("الميناء"), new Uri("http://localhost/hook"));
        _folder.Close(engine);

        engine = _folder.OpenEngine();
        engine.Accept([Doc("later-1", "افتتاح الميناء الجديد"), Doc("later-2", "لا شيء هنا")]);
        engine.CatchUp();
        engine.MatchSavedSearches();
        Assert.Equal(["later-1"], Alerted(engine, saved));
        var state = engine.FindSavedSearch(saved.Id)!;
        Assert.Equal((1, 0), (state.Pending, state.Delivered));

        var alert = engine.DueAlerts(DateTimeOffset.UtcNow, 10).Single();
        engine.AlertFailed(alert.Id, "503", DateTimeOffset.UtcNow.AddHours(1));
        Assert.Empty(engine.DueAlerts(DateTimeOffset.UtcNow, 10));
        Assert.Equal("503", engine.FindSavedSearch(saved.Id)!.LastError);
        engine.AlertDelivered(alert.Id);
        state = engine.FindSavedSearch(saved.Id)!;
        Assert.Equal((0, 1, (string?)null), (state.Pending, state.Delivered, state.LastError));
        Assert.True(engine.DeleteSavedSearch(saved.Id));
        Assert.Null(engine.FindSavedSearch(saved.Id));
    }
}
