using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Index.Storage;
using Search.Core.Retrieval.Scoring;

namespace Search.Core.Tests.TestSupport;

/// <summary>
/// Real indexes on disk of texts given as words (split on spaces, no analysis), in the body field and
/// searched with the product's similarity: for comparing a query of ours with Lucene's own, term for term.
/// </summary>
public sealed class WhitespaceIndexes : IDisposable
{
    public const string Field = IndexFields.Body;

    private readonly TempDataFolder _folder = new();
    private readonly List<IDisposable> _opened = [];

    /// <summary>Seeded texts of 1 to 40 words drawn from <paramref name="vocabulary"/>, so that words meet at every distance and in both orders.</summary>
    public static List<string[]> RandomTexts(int seed, params string[] vocabulary)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 400).Select(_ => Enumerable.Range(0, random.Next(1, 40)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray())];
    }

    public IndexSearcher Index(string name, IEnumerable<string[]> texts)
    {
        var directory = new PositionalDirectory(new DirectoryInfo(_folder.File(name)));
        _opened.Add(directory);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, new WhitespaceAnalyzer(ArabicSearchAnalyzer.Lucene))))
        {
            foreach (var words in texts)
                writer.AddDocument(new Document { new TextField(Field, string.Join(' ', words), Lucene.Net.Documents.Field.Store.NO) });
        }
        var reader = DirectoryReader.Open(directory);
        _opened.Add(reader);
        return new IndexSearcher(reader) { Similarity = SearchSimilarity.Create() };
    }

    /// <summary>Every matching document's score, kept to <paramref name="filter"/> when one is given.</summary>
    public static Dictionary<int, float> Scores(IndexSearcher searcher, Query query, Filter? filter = null) =>
        searcher.Search(query, filter, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs.ToDictionary(hit => hit.Doc, hit => hit.Score);

    public void Dispose()
    {
        for (var i = _opened.Count - 1; i >= 0; i--)
            _opened[i].Dispose();
        _folder.Dispose();
    }
}
