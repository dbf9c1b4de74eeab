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
}
