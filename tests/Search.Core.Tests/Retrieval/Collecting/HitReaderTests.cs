using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Retrieval.Collecting;

/// <summary>A hit without a snippet is named from the segment's in-memory values; with one, from the stored document.</summary>
public sealed class HitReaderTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Hits_without_snippets_name_the_same_documents_as_hits_with_them()
    {
        var documents = Enumerable.Range(1, 30).Select(i => ArabicStatements.Doc(
            $"h{i:D2}", $"نص رقم {i} عن الزراعة", i % 5 == 0 ? null : $"2020-0{1 + i % 9}-1{i % 7}", $"مصدر {i % 3}", $"تقرير رقم {i}")).ToList();
        var engine = _folder.OpenEngineWith(documents.Take(15));
        engine.Accept(documents.Skip(15).ToList());
        engine.CatchUp();

        var full = engine.Search(new SearchRequest("الزراعة", Size: 100));
        var bare = engine.Search(new SearchRequest("الزراعة", Size: 100, Snippets: false));

        Assert.Equal(30, full.Hits.Count);
        Assert.Equal(full.Hits.Select(h => (h.Id, h.Title, h.Date, h.Source, h.Score)), bare.Hits.Select(h => (h.Id, h.Title, h.Date, h.Source, h.Score)));
        Assert.All(bare.Hits, h => Assert.Equal("", h.Snippet));
        Assert.All(full.Hits, h => Assert.Contains("<mark>", h.Snippet));
    }

    [Fact]
    public void A_segment_written_before_titles_had_doc_values_is_named_from_its_stored_fields()
    {
        var engine = _folder.OpenEngineWith([ArabicStatements.Doc("new", "نص جديد عن الزراعة", "2021-01-01", title: "تقرير جديد")]);
        _folder.Close(engine);
        var generations = new IndexGenerations(_folder.Path);
        using (var directory = FSDirectory.Open(generations.PathOf(generations.Current())))
        {
            var checkpoint = DirectoryReader.ListCommits(directory)[^1].UserData;
            using var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, ArabicSearchAnalyzer.Create()));
            var old = LuceneDocumentMapper.ToLucene(ArabicStatements.Doc("old", "نص قديم عن الزراعة", "2019-01-01", title: "تقرير قديم"));
            old.RemoveFields(IndexFields.Title);
            old.Add(new TextField(IndexFields.Title, "تقرير قديم", Field.Store.YES));
            writer.AddDocument(old);
            writer.SetCommitData(checkpoint);
            writer.Commit();
        }

        var reopened = _folder.OpenEngine();
        var hits = reopened.Search(new SearchRequest("الزراعة", Sort: SortOrder.Newest, Snippets: false)).Hits;

        Assert.Equal(["new", "old"], hits.Select(h => h.Id));
        Assert.Equal(["تقرير جديد", "تقرير قديم"], hits.Select(h => h.Title));
        Assert.Equal(new DateOnly(2019, 1, 1), hits[1].Date);
    }

    [Fact]
    public void A_segment_written_before_bodies_were_stored_as_bytes_gives_the_same_snippets_quotations_and_related_documents()
    {
        // A character outside the BMP and one cut in half: the offsets must still point at the same characters.
        var body = "بدأت الهدنة صباح الاثنين 🙂 في العاصمة. " + string.Concat(Enumerable.Repeat("استمرت الجلسة ساعات طويلة. ", 10))
            + "وقال بيسكوف: \"الهدنة صامدة حتى الآن\". \uD83D وانتهت الجلسة.";
        DocumentRecord Statement(string id) => new(id, "جلسة الهدنة", new DateOnly(2022, 7, 1), body, "وكالة");
        var engine = _folder.OpenEngineWith([Statement("now"), ArabicStatements.Doc("other", "الهدنة صامدة في العاصمة منذ الاثنين")]);
        _folder.Close(engine);
        var generations = new IndexGenerations(_folder.Path);
        using (var directory = FSDirectory.Open(generations.PathOf(generations.Current())))
        {
            var checkpoint = DirectoryReader.ListCommits(directory)[^1].UserData;
            using var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, ArabicSearchAnalyzer.Create()));
            var before = LuceneDocumentMapper.ToLucene(Statement("before"));
            before.RemoveFields(IndexFields.Body);
            before.Add(new Field(IndexFields.Body, body, new FieldType(TextField.TYPE_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS }));
            writer.AddDocument(before);
            writer.SetCommitData(checkpoint);
            writer.Commit();
        }

        var reopened = _folder.OpenEngine();
        var hits = reopened.Search(new SearchRequest("الهدنة", Collapse: false)).Hits.ToDictionary(h => h.Id);

        Assert.Contains("<mark>الهدنة</mark> صامدة", hits["now"].Snippet);
        Assert.Equal(hits["now"].Snippet, hits["before"].Snippet);
        Assert.Equal("الهدنة صامدة حتى الآن", Assert.Single(hits["now"].Quotes).Text);
        Assert.Equal(hits["now"].Quotes, hits["before"].Quotes);
        Assert.Equal(reopened.QuotesOf("now"), reopened.QuotesOf("before"));
        // The same subject is found from the body, read as text or as bytes alike.
        Assert.Equal(["before", "other"], reopened.Related("now", 5)!.Select(r => r.Hit.Id).Order());
        Assert.Equal(["now", "other"], reopened.Related("before", 5)!.Select(r => r.Hit.Id).Order());
    }
}
