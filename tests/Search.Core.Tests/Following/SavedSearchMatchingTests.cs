using System.Text.Json;
using Search.Core.Following;
using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Following;

/// <summary>
/// A saved search is told of exactly the new documents its search finds: same analysis (clitics, hamza),
/// same filters (source, dates, language), a misspelt word matching only itself; documents stored before
/// it was saved are not news to it; a round after the last finds nothing.
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

    [Fact]
    public void An_alert_is_written_when_first_sent_leaving_out_what_was_deleted_meanwhile_and_then_kept_as_written()
    {
        var engine = _folder.OpenEngine();
        var saved = engine.SaveSearch("الميناء", new SavedQuery("الميناء"), new Uri("http://127.0.0.1:9/hook"));
        var other = engine.SaveSearch("المطار", new SavedQuery("المطار"), new Uri("http://127.0.0.1:9/hook"));
        engine.Accept([Doc("port-1", "افتتاح الميناء الجديد"), Doc("port-2", "توسعة الميناء القديم"), Doc("airport-1", "إغلاق المطار")]);
        engine.CatchUp();
        engine.MatchSavedSearches();

        // Deleted after matching, before sending: left out; an alert with nothing left is dropped.
        Assert.True(engine.Delete("port-2"));
        Assert.True(engine.Delete("airport-1"));
        engine.CatchUp();
        var alert = Assert.Single(engine.DueAlerts(DateTimeOffset.UtcNow, 10));
        Assert.Equal(saved.Id, alert.SearchId);
        var documents = JsonSerializer.Deserialize<List<AlertDocument>>(alert.Documents, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var document = Assert.Single(documents);
        Assert.Equal(("port-1", "بيان", "2021-06-01"), (document.Id, document.Title, document.Date));
        Assert.Contains("الميناء", document.Snippet);
        Assert.Equal((0, 0), (engine.FindSavedSearch(other.Id)!.Pending, engine.FindSavedSearch(other.Id)!.Delivered));

        // A retry sends the same body under the same key, whatever the index says meanwhile.
        engine.AlertFailed(alert.Id, "503", DateTimeOffset.UtcNow);
        engine.Accept([Doc("port-1", "نص آخر تماما عن الميناء")]);
        engine.CatchUp();
        var retried = engine.DueAlerts(DateTimeOffset.UtcNow.AddSeconds(1), 10).Single(a => a.Id == alert.Id);
        Assert.Equal((alert.IdempotencyKey, alert.Documents), (retried.IdempotencyKey, retried.Documents));
    }

    [Fact]
    public void An_outbox_written_before_alerts_were_written_at_sending_is_sent_as_it_was()
    {
        var archive = _folder.File("archive.db");
        System.IO.Directory.CreateDirectory(_folder.Path);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={archive}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE saved_searches (id TEXT PRIMARY KEY, name TEXT NOT NULL, query TEXT NOT NULL, webhook TEXT, created INTEGER NOT NULL, matched_through INTEGER NOT NULL);
                CREATE TABLE alerts (id INTEGER PRIMARY KEY, search_id TEXT NOT NULL, idem_key TEXT NOT NULL UNIQUE, documents TEXT NOT NULL, created INTEGER NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0, next_attempt INTEGER NOT NULL, delivered INTEGER, last_error TEXT);
                INSERT INTO saved_searches VALUES ('s1', 'قديم', '{"text":"الميناء"}', 'http://127.0.0.1:9/hook', 0, 0);
                INSERT INTO alerts (search_id, idem_key, documents, created, next_attempt) VALUES ('s1', 's1-0-1-0', '[{"id":"old","title":"t","source":"s","snippet":"x"}]', 0, 0);
                """;
            command.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        using var database = new Search.Core.Archive.SqliteArchiveDatabase(archive);
        var store = new FollowingStore(database);
        var due = Assert.Single(store.Due(DateTimeOffset.UtcNow, 10));
        Assert.Null(due.Ids);
        Assert.Equal(("s1-0-1-0", "[{\"id\":\"old\",\"title\":\"t\",\"source\":\"s\",\"snippet\":\"x\"}]"), (due.Alert.IdempotencyKey, due.Alert.Documents));
    }
}
