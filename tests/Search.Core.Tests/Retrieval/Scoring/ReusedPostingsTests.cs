using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Retrieval;
using Search.Core.Retrieval.Scoring;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Retrieval.Scoring;

/// <summary>
/// A thread's finished segments give their postings readers back for its next searches: those searches find
/// exactly what searches with new readers find, over words common enough to have skip lists in both the title
/// (indexed without offsets) and the body (with them), where a reader given the other field's postings reads
/// their skip lists wrongly.
/// </summary>
[Collection(KeptReaders.Name)]
public sealed class ReusedPostingsTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[] Words = ["وزير", "الخارجية", "القمة", "العربية", "الرياض", "الاقتصاد", "النفط", "الحكومة"];

    /// <summary>600 statements whose titles and bodies draw on a few words, so each word is in hundreds of titles and bodies.</summary>
    private static IEnumerable<DocumentRecord> Statements()
    {
        var random = new Random(7);
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
        return Enumerable.Range(0, 600).Select(i => ArabicStatements.Doc($"s{i}", Text(random.Next(5, 60)), title: Text(random.Next(2, 6))));
    }

    [Fact]
    public void Searches_after_others_on_the_same_thread_find_what_they_found_first()
    {
        var engine = _folder.OpenEngineWith(Statements());
        string[] questions = ["وزير الخارجية", "القمة العربية في الرياض", "الاقتصاد والنفط", "الحكومة", "وزير الاقتصاد والنفط في القمة"];
        SearchResult Search(string text) => engine.Search(new SearchRequest(text, Size: 50, Collapse: false));
        var first = questions.Select(Search).ToList();

        for (var round = 0; round < 3; round++)
            foreach (var (question, expected) in questions.Zip(first).Reverse())
            {
                var again = Search(question);
                Assert.Equal(expected.Total, again.Total);
                Assert.Equal(expected.Hits.Select(h => (h.Id, h.Score, h.Snippet)), again.Hits.Select(h => (h.Id, h.Score, h.Snippet)));
            }
        Assert.All(first, result => Assert.True(result.Total > 128, $"{result.Total} matches: the test wants skip lists"));
    }

    [Fact]
    public void A_reader_given_back_serves_its_own_field_again_and_never_one_with_other_offsets()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, ArabicSearchAnalyzer.Create())))
            for (var i = 0; i < 1_000; i++)
                writer.AddDocument(LuceneDocumentMapper.ToLucene(ArabicStatements.Doc($"d{i}", i % 3 == 0 ? "وزير" : "سفير", title: i % 2 == 0 ? "وزير" : "سفير")));
        using var reader = DirectoryReader.Open(directory);
        var segment = Assert.Single(reader.Leaves).AtomicReader;
        TermsEnum Term(string field)
        {
            var terms = segment.GetTerms(field).GetEnumerator();
            Assert.True(terms.SeekExact(new BytesRef(ArabicSearchAnalyzer.ExactPrefix + "وزير")));
            return terms;
        }
        // Far apart, so that each is reached through the skip lists the body writes with offsets and the title without.
        int[] Advanced(DocsEnum docs) => [.. new[] { 300, 600, 900 }.Select(docs.Advance)];

        var (body, readers) = ReusedPostings.Opening(segment, () => ReusedPostings.Docs(segment, IndexFields.Body, Term(IndexFields.Body), null));
        var bodyDocs = Advanced(body);
        ReusedPostings.GiveBack(readers);
        var title = ReusedPostings.Docs(segment, IndexFields.Title, Term(IndexFields.Title), null);
        var again = ReusedPostings.Docs(segment, IndexFields.Body, Term(IndexFields.Body), null);

        Assert.NotSame(body, title);
        Assert.Equal(Advanced(Term(IndexFields.Title).Docs(null, null, DocsFlags.FREQS)), Advanced(title));
        Assert.Same(body, again);
        Assert.Equal(bodyDocs, Advanced(again));
        Assert.Equal([300, 600, 900], bodyDocs);
    }
}
