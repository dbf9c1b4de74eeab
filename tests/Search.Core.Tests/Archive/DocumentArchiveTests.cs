using Search.Core.Archive;
using Search.Core.Languages;
using Search.Core.Tests.TestSupport;
using static Search.Core.Tests.TestSupport.ArabicStatements;

namespace Search.Core.Tests.Archive;

/// <summary>The archive's semantics, the same whichever database keeps it: each subclass runs them all on its own.</summary>
public abstract class DocumentArchiveTests : IDisposable
{
    private readonly List<DocumentArchive> _open = [];

    /// <summary>Opens (or reopens) the database this test's archive is kept in.</summary>
    private protected abstract ArchiveDatabase OpenDatabase();

    public virtual void Dispose()
    {
        foreach (var archive in _open)
            archive.Dispose();
        GC.SuppressFinalize(this);
    }

    private DocumentArchive Open()
    {
        var archive = new DocumentArchive(OpenDatabase());
        _open.Add(archive);
        return archive;
    }

    private void Close(DocumentArchive archive)
    {
        _open.Remove(archive);
        archive.Dispose();
    }

    private static IReadOnlyList<DocumentRecord> Numbered(int count) =>
        Enumerable.Range(1, count).Select(i => Doc($"d{i}", $"البيان رقم {i}", "2020-01-01")).ToList();

    [Fact]
    public void A_new_archive_is_empty()
    {
        var archive = Open();

        Assert.Equal(0, archive.LastSequence);
        Assert.Equal(0, archive.Count());
        Assert.Empty(archive.ReadAfter(0, 10));
        Assert.Null(archive.Get("missing"));
    }

    [Fact]
    public void Stores_and_gets_a_document_with_all_its_fields()
    {
        var archive = Open();
        var document = new DocumentRecord("bayan-1", "بيان الوزارة", new DateOnly(2021, 7, 27), "نص البيان\nسطر ثان",
            "وكالة الأنباء", "ar", "سياسة", "https://example.org/bayan-1");

        var sequence = archive.Store([document]);

        Assert.Equal(1, sequence);
        Assert.Equal(document, archive.Get("bayan-1"));
    }

    [Fact]
    public void Stores_an_undated_document_without_category_or_url()
    {
        var archive = Open();
        var document = Doc("u", "نص بلا تاريخ", date: null, source: "");

        archive.Store([document]);

        var stored = archive.Get("u");
        Assert.Equal(document, stored);
        Assert.Null(stored!.Date);
    }

    [Fact]
    public void Numbers_each_write_and_returns_the_last_sequence()
    {
        var archive = Open();

        Assert.Equal(3, archive.Store(Numbered(3)));
        Assert.Equal(5, archive.Store([Doc("x", "أ"), Doc("y", "ب")]));

        Assert.Equal(5, archive.LastSequence);
        Assert.Equal(5, archive.Count());
        Assert.Equal([1L, 2, 3, 4, 5], archive.ReadAfter(0, 100).Select(e => e.Sequence));
    }

    [Fact]
    public void Storing_nothing_changes_nothing()
    {
        var archive = Open();
        archive.Store(Numbered(2));

        Assert.Equal(2, archive.Store([]));
        Assert.Equal(2, archive.LastSequence);
    }

    [Fact]
    public void A_known_id_replaces_the_document_keeps_one_row_and_moves_it_to_a_new_sequence()
    {
        var archive = Open();
        archive.Store([Doc("a", "النص القديم"), Doc("b", "نص آخر")]);

        var sequence = archive.Store([Doc("a", "النص الجديد", "2022-02-02")]);

        Assert.Equal(3, sequence);
        Assert.Equal(2, archive.Count());
        Assert.Equal("النص الجديد", archive.Get("a")!.Body);
        Assert.Equal(new DateOnly(2022, 2, 2), archive.Get("a")!.Date);
        var entries = archive.ReadAfter(0, 100);
        Assert.Equal([("b", 2L), ("a", 3L)], entries.Select(e => (e.Id, e.Sequence)));
    }

    [Fact]
    public void The_same_id_twice_in_one_batch_keeps_the_last()
    {
        var archive = Open();

        archive.Store([Doc("a", "الأول"), Doc("a", "الثاني")]);

        Assert.Equal(1, archive.Count());
        Assert.Equal("الثاني", archive.Get("a")!.Body);
        Assert.Equal(2, Assert.Single(archive.ReadAfter(0, 10)).Sequence);
    }

    [Fact]
    public void A_write_names_the_documents_that_replaced_a_held_one()
    {
        var archive = Open();
        archive.Store([Doc("a", "أ"), Doc("b", "ب"), Doc("gone", "ج")]);
        archive.Delete("gone");

        var write = archive.Write([Doc("new", "د"), Doc("b", "ب معدل"), Doc("gone", "ج من جديد"), Doc("new", "د معدل")]);

        Assert.Equal(8, write.LastSequence);
        Assert.Equal([1, 3], write.Replaced);
        Assert.Equal(4, archive.Count());
    }

    [Theory]
    [InlineData(0, 2, new long[] { 1, 2 })]
    [InlineData(2, 10, new long[] { 3, 4, 5 })]
    [InlineData(3, 1, new long[] { 4 })]
    [InlineData(5, 10, new long[0])]
    [InlineData(99, 10, new long[0])]
    public void Reads_changes_after_a_sequence_in_order_up_to_the_limit(long after, int limit, long[] expected)
    {
        var archive = Open();
        archive.Store(Numbered(5));

        var entries = archive.ReadAfter(after, limit);

        Assert.Equal(expected, entries.Select(e => e.Sequence));
        Assert.All(entries, e => Assert.Equal($"d{e.Sequence}", e.Id));
        Assert.All(entries, e => Assert.Equal(e.Id, e.Document!.Id));
        Assert.Equal(Math.Max(0, 5 - after), archive.CountAfter(after));
    }

    [Fact]
    public void Delete_leaves_a_tombstone_the_index_can_read()
    {
        var archive = Open();
        archive.Store(Numbered(3));

        Assert.True(archive.Delete("d2"));

        Assert.Equal(4, archive.LastSequence);
        Assert.Null(archive.Get("d2"));
        Assert.Equal(2, archive.Count());
        var tombstone = Assert.Single(archive.ReadAfter(3, 10));
        Assert.Equal(("d2", 4L), (tombstone.Id, tombstone.Sequence));
        Assert.Null(tombstone.Document);
        Assert.Equal(["d1", "d3", "d2"], archive.ReadAfter(0, 10).Select(e => e.Id));
    }

    [Fact]
    public void Deleting_an_unknown_or_deleted_document_does_nothing()
    {
        var archive = Open();
        archive.Store(Numbered(1));
        Assert.True(archive.Delete("d1"));

        Assert.False(archive.Delete("d1"));
        Assert.False(archive.Delete("never-stored"));

        Assert.Equal(2, archive.LastSequence);
    }

    [Fact]
    public void Storing_a_deleted_id_again_brings_it_back()
    {
        var archive = Open();
        archive.Store([Doc("a", "قبل الحذف")]);
        archive.Delete("a");

        archive.Store([Doc("a", "بعد الحذف")]);

        Assert.Equal("بعد الحذف", archive.Get("a")!.Body);
        Assert.Equal(1, archive.Count());
        Assert.NotNull(Assert.Single(archive.ReadAfter(2, 10)).Document);
    }

    [Fact]
    public void Reopening_the_archive_keeps_the_documents_and_the_last_sequence()
    {
        var archive = Open();
        archive.Store(Numbered(3));
        archive.Store([Doc("d1", "نسخة ثانية")]);
        archive.Delete("d3");
        Assert.Equal(5, archive.LastSequence);
        Close(archive);

        var reopened = Open();

        Assert.Equal(5, reopened.LastSequence);
        Assert.Equal(2, reopened.Count());
        Assert.Equal("نسخة ثانية", reopened.Get("d1")!.Body);
        Assert.Equal(6, reopened.Store([Doc("d9", "بعد إعادة الفتح")]));
    }

    /// <summary>
    /// A page of documents gets the versions of those linked any way: from the document, to its id, or to its address
    /// by a document written before it, in the same write or after it. The same once the archive is opened again
    /// (an archive of one writer then reads its links anew).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_page_of_documents_gets_the_versions_of_those_linked_any_way_and_none_for_the_others(bool reopen)
    {
        const string before = "https://mid.example/ar/1", together = "https://mid.example/ar/2", after = "https://mid.example/ar/3";
        var archive = Open();
        archive.Store([Doc("at-before", "بيان أول") with { Url = before }]);
        archive.Store([
            Doc("from", "بيان") with { Translations = [new VersionLink("en", "to")] },
            Doc("to", "statement", title: "Statement") with { Lang = "en" },
            Doc("names-before", "statement") with { Lang = "en", Translations = [new VersionLink("ar", before)] },
            Doc("names-together", "statement") with { Lang = "en", Translations = [new VersionLink("ar", together)] },
            Doc("at-together", "بيان ثان") with { Url = together },
            Doc("names-after", "statement") with { Lang = "en", Translations = [new VersionLink("ar", after)] },
            Doc("alone", "بيان منفرد") with { Url = "https://mid.example/ar/4" },
        ]);
        archive.Store([Doc("at-after", "بيان ثالث") with { Url = after }]);
        if (reopen)
        {
            Close(archive);
            archive = Open();
        }

        string[] page = ["alone", "from", "to", "at-before", "names-before", "at-together", "names-together", "at-after", "names-after"];
        var versions = archive.VersionsOfEach(page);

        Assert.Equal(page[1..].Order(StringComparer.Ordinal), versions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("to", Assert.Single(versions["from"]).Id);
        Assert.Equal("from", Assert.Single(versions["to"]).Id);
        foreach (var (at, names) in (ValueTuple<string, string>[])[("at-before", "names-before"), ("at-together", "names-together"), ("at-after", "names-after")])
        {
            Assert.Equal(names, Assert.Single(versions[at]).Id);
            Assert.Equal(at, Assert.Single(versions[names]).Id);
        }
    }

    /// <summary>
    /// What a later write changes is what the next page sees: links a document no longer states, a document moved from
    /// the address a link names, and one deleted. The same once the archive is opened again.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Versions_follow_links_dropped_documents_moved_from_an_address_and_deletions(bool reopen)
    {
        const string address = "https://mid.example/ar/1";
        var archive = Open();
        archive.Store([
            Doc("a", "بيان") with { Translations = [new VersionLink("en", "a-en")] },
            Doc("a-en", "statement") with { Lang = "en" },
            Doc("b", "بيان ثان") with { Url = address },
            Doc("b-en", "statement") with { Lang = "en", Translations = [new VersionLink("ar", address)] },
            Doc("c", "بيان ثالث") with { Translations = [new VersionLink("en", "c-en")] },
            Doc("c-en", "statement") with { Lang = "en" },
        ]);
        Assert.Equal(["a", "a-en", "b", "b-en", "c", "c-en"], archive.VersionsOfEach(["a", "a-en", "b", "b-en", "c", "c-en"]).Keys.Order(StringComparer.Ordinal));

        archive.Store([Doc("a", "بيان معدل"), Doc("b", "بيان ثان") with { Url = "https://mid.example/ar/moved" }]);
        archive.Delete("c-en");
        if (reopen)
        {
            Close(archive);
            archive = Open();
        }

        Assert.Empty(archive.VersionsOfEach(["a", "a-en", "b", "b-en", "c"]));
        archive.Store([Doc("b-2", "بيان ثان في مكانه") with { Url = address }]);
        Assert.Equal("b-en", Assert.Single(archive.VersionsOfEach(["b-2"])["b-2"]).Id);
    }

    /// <summary>A link by id names an id: a document whose <c>url</c> happens to be that text is not its version.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_link_by_id_is_not_matched_with_documents_addresses(bool reopen)
    {
        var archive = Open();
        archive.Store([
            Doc("names-an-id", "statement") with { Lang = "en", Translations = [new VersionLink("ar", "s-9")] },
            Doc("addressed-so", "بيان") with { Url = "s-9" },
        ]);
        if (reopen)
        {
            Close(archive);
            archive = Open();
        }

        Assert.Empty(archive.VersionsOfEach(["names-an-id", "addressed-so"]));
        archive.Store([Doc("s-9", "بيان بالمعرف")]);
        Assert.Equal("s-9", Assert.Single(archive.VersionsOfEach(["names-an-id"])["names-an-id"]).Id);
    }

    /// <summary>A version rewritten is described as it is now, by the next page as by the document's own lookup.</summary>
    [Fact]
    public void A_version_rewritten_is_described_as_it_is_now()
    {
        var archive = Open();
        archive.Store([Doc("s", "بيان") with { Translations = [new VersionLink("en", "s-en")] }, Doc("s-en", "The statement", title: "Statement") with { Lang = "en" }]);
        Assert.Equal(("en", "Statement"), (archive.VersionsOfEach(["s"])["s"][0].Lang, archive.VersionsOfEach(["s"])["s"][0].Title));

        archive.Store([Doc("s-en", "La déclaration du ministère, publiée aujourd'hui.", title: "Déclaration")]);

        var version = Assert.Single(archive.VersionsOfEach(["s"])["s"]);
        Assert.Equal(("fr", "Déclaration"), (version.Lang, version.Title));
        Assert.Equal(version, Assert.Single(archive.Versions("s")));
    }

    /// <summary>What is done after a write commits runs in its turn, in order, and not at all when the write fails.</summary>
    [Fact]
    public void Work_after_a_commit_runs_once_it_has_committed_and_never_for_a_failed_write()
    {
        using var database = OpenDatabase();
        var done = new List<string>();

        Assert.Throws<InvalidOperationException>(() => database.Write<int>(sequenced: true, write =>
        {
            write.AfterCommit(() => done.Add("failed"));
            throw new InvalidOperationException("the write fails");
        }));
        var written = database.Write(sequenced: true, write =>
        {
            write.AfterCommit(() => done.Add("first"));
            write.AfterCommit(() => done.Add("second"));
            return done.Count;
        });

        Assert.Equal(0, written);
        Assert.Equal(["first", "second"], done);
    }

    /// <summary>A walk through versions stops at a bound, nearest first: a chain of links does not make a page of hits read the archive.</summary>
    [Fact]
    public void A_chain_of_versions_is_followed_nearest_first_to_a_bound()
    {
        var archive = Open();
        archive.Store(Enumerable.Range(1, 60)
            .Select(i => Doc($"c{i:D2}", $"البيان رقم {i}") with { Translations = i == 1 ? [] : [new VersionLink(null, $"c{i - 1:D2}")] })
            .ToList());

        var fromFirst = archive.VersionsOfEach(["c01", "c30"]);

        Assert.Equal(["c02", "c03", "c04"], fromFirst["c01"].Take(3).Select(v => v.Id));
        Assert.InRange(fromFirst["c01"].Count, 20, 30);
        Assert.Equal(["c29", "c31"], fromFirst["c30"].Take(2).Select(v => v.Id));
        Assert.Equal(fromFirst["c01"].Select(v => v.Id), archive.Versions("c01").Select(v => v.Id));
    }

    /// <summary>An address many documents name gives its document a bounded list, not every document naming it.</summary>
    [Fact]
    public void A_document_many_others_name_has_a_bounded_list_of_versions()
    {
        const string hub = "https://mid.example/ar/";
        var archive = Open();
        archive.Store([Doc("hub", "الصفحة العربية") with { Url = hub }, .. Enumerable.Range(1, 60)
            .Select(i => Doc($"n{i:D2}", "statement") with { Lang = "en", Translations = [new VersionLink("ar", hub)] })]);

        var versions = archive.Versions("hub");

        Assert.InRange(versions.Count, 20, 24);
        Assert.Equal(versions.Select(v => v.Id).Order(StringComparer.Ordinal), versions.Select(v => v.Id));
        Assert.Equal("hub", Assert.Single(archive.VersionsOfEach(["n01"])["n01"], v => v.Id == "hub").Id);
    }
}

public sealed class SqliteDocumentArchiveTests : DocumentArchiveTests
{
    private readonly TempDataFolder _folder = new();

    private protected override ArchiveDatabase OpenDatabase() => new SqliteArchiveDatabase(_folder.File("archive.db"));

    public override void Dispose()
    {
        base.Dispose();
        _folder.Dispose();
    }

    /// <summary>
    /// SQLite plans without statistics of the archive: given an index of the deleted flag, it took "deleted = 0"
    /// for the selective term and walked every document for each lookup of ids (ArchiveSchema.Documents).
    /// </summary>
    [Theory]
    [InlineData("SELECT id FROM documents WHERE deleted = 0 AND id IN ('d1', 'd2', 'd3')", "sqlite_autoindex_documents_1 (id=?)")]
    [InlineData("SELECT l.doc_id, d.id FROM version_links l JOIN documents d ON d.url = l.target WHERE l.doc_id IN ('d1', 'd2') AND l.target <> l.target_id AND d.deleted = 0", "documents_url (url=?)")]
    [InlineData("SELECT COUNT(*) FROM documents WHERE deleted = 0", "INDEX documents_held")]
    [InlineData("SELECT id, url FROM documents WHERE deleted = 0 AND url IN (SELECT target FROM version_links WHERE target <> target_id)", "documents_url (url=?)")]
    public void Questions_about_held_documents_go_through_the_index_of_what_they_ask_by(string lookup, string expected)
    {
        using (var archive = new DocumentArchive(OpenDatabase()))
            archive.Store([Doc("d1", "بيان أول"), Doc("d2", "بيان ثان")]);

        var plan = Plan(lookup);

        Assert.Contains(plan, step => step.EndsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("documents_deleted", StringComparison.Ordinal) || step == "SCAN documents" || step == "SCAN d");
    }

    [Fact]
    public void An_archive_with_the_deleted_flags_index_loses_it_when_opened_and_still_counts_what_it_holds()
    {
        using (var archive = new DocumentArchive(OpenDatabase()))
        {
            archive.Store([Doc("d1", "بيان أول"), Doc("d2", "بيان ثان"), Doc("d3", "بيان ثالث")]);
            archive.Delete("d2");
        }
        Execute("CREATE INDEX documents_deleted ON documents (deleted)");
        Assert.Contains("documents_deleted", Indexes());

        using (var reopened = new DocumentArchive(OpenDatabase()))
        {
            Assert.Equal(2, reopened.Count());
            Assert.Equal("بيان ثالث", reopened.Get("d3")!.Body);
        }

        Assert.DoesNotContain("documents_deleted", Indexes());
        Assert.Contains("documents_held", Indexes());
    }

    private List<string> Plan(string query) => Rows($"EXPLAIN QUERY PLAN {query}", column: 3);

    private List<string> Indexes() => Rows("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents'", column: 0);

    private List<string> Rows(string sql, int column)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(reader.GetString(column));
        return rows;
    }

    private void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private Microsoft.Data.Sqlite.SqliteConnection Connect()
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_folder.File("archive.db")};Pooling=False");
        connection.Open();
        return connection;
    }
}

public sealed class PostgresDocumentArchiveTests(PostgresServer server) : DocumentArchiveTests, IClassFixture<PostgresServer>
{
    private readonly string _database = server.CreateDatabase();

    private protected override ArchiveDatabase OpenDatabase() => new PostgresArchiveDatabase(_database, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
}
