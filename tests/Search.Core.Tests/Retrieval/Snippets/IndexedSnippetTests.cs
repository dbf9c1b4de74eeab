using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Retrieval;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval.Scoring;
using Search.Core.Retrieval.Snippets;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Retrieval.Snippets;

/// <summary>
/// Snippets from the offsets the index keeps of each body's words are the snippets an analysis of the
/// body gives (the best passage, every match marked as written), for bodies of any length, and an index
/// written before bodies carried offsets still gets them, by analysis.
/// </summary>
public sealed class IndexedSnippetTests : IDisposable
{
    private readonly TempDataFolder _folder = new();
    private readonly Lucene.Net.Analysis.Analyzer _analyzer = ArabicSearchAnalyzer.Create();

    public void Dispose()
    {
        _analyzer.Dispose();
        _folder.Dispose();
    }

    private static readonly DocumentRecord[] Written =
    [
        ArabicStatements.Doc("d1", "أعلنَ الوزيـــرُ الأمْرِيكِيّ عن خطّة جديدة للطاقة في عام ٢٠٢١، وقال الوزير إن وزير الدفاع والوزيرَ الآخر اتفقا."),
        ArabicStatements.Doc("d2", "ناقشت الحكومة مع الشركات الامريكيه خطة الاستثمار.\nوقال وزير الخارجية إن وزير الدفاع سيحضر."),
        ArabicStatements.Doc("d3", "ﻻ يزال ﺍﻟﻮﺯﻳﺮ في القاهرة حيث التقى وزير الخارجية، ثم " + string.Concat(Enumerable.Repeat("غادر الوفد المدينة صباحا. ", 80)) + "وعاد وزير الخارجية مساء إلى القاهرة."),
    ];

    public static TheoryData<string> Queries => ["الوزير الامريكي 2021", "وزير", "\"وزير الخارجية\"", "\"وزير الخارجية\" -الدفاع", "القاهرة الخارجية", "الأمريكية", "خطة OR الطاقة"];

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_snippet_from_the_index_is_the_snippet_an_analysis_of_the_body_gives(string query)
    {
        var engine = _folder.OpenEngineWith(Written);
        var terms = new LuceneQueryBuilder(_analyzer).Build(UserQueryParser.Parse(query)).HighlightTerms;
        var analysed = new SnippetBuilder(_analyzer);

        var hits = engine.Search(new SearchRequest(query)).Hits;

        Assert.NotEmpty(hits);
        foreach (var hit in hits)
            Assert.Equal(analysed.Build(engine.Get(hit.Id)!.Body, terms), hit.Snippet);
    }

    [Fact]
    public void Searches_one_after_another_and_side_by_side_each_get_their_own_terms_marked()
    {
        // The postings readers are handed from one search to the next on a thread: each must read its own terms.
        var engine = _folder.OpenEngineWith(Written);
        var builder = new SnippetBuilder(_analyzer);
        string[] texts = ["الوزير الامريكي 2021", "وزير", "\"وزير الخارجية\" -الدفاع", "القاهرة الخارجية", "الأمريكية", "خطة OR الطاقة"];
        string[] queries = [.. Enumerable.Range(0, 6).SelectMany(_ => texts)];
        var expected = texts.ToDictionary(q => q, q =>
        {
            var terms = new LuceneQueryBuilder(_analyzer).Build(UserQueryParser.Parse(q)).HighlightTerms;
            return string.Join("|", engine.Search(new SearchRequest(q)).Hits.Select(h => builder.Build(engine.Get(h.Id)!.Body, terms)));
        });

        var sequential = queries.Select(q => string.Join("|", engine.Search(new SearchRequest(q)).Hits.Select(h => h.Snippet))).ToList();
        var parallel = new string[queries.Length];
        Parallel.For(0, queries.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => parallel[i] = string.Join("|", engine.Search(new SearchRequest(queries[i])).Hits.Select(h => h.Snippet)));

        Assert.Equal(queries.Select(q => expected[q]), sequential);
        Assert.Equal(queries.Select(q => expected[q]), parallel);
    }

    [Fact]
    public void Twenty_bodies_of_a_million_characters_get_their_snippets_from_the_index()
    {
        var filler = string.Concat(Enumerable.Repeat("نص طويل من بيانات الأرشيف ", 40_000))[..999_000];
        var engine = _folder.OpenEngineWith(Enumerable.Range(0, 20).Select(i =>
            ArabicStatements.Doc($"long-{i}", filler + $" وفي الختام قال وزير الخارجية كلمته رقم {i}.")));
        var terms = new LuceneQueryBuilder(_analyzer).Build(UserQueryParser.Parse("وزير الخارجية")).HighlightTerms;

        var result = engine.Search(new SearchRequest("وزير الخارجية", Size: 20, Collapse: false));

        Assert.Equal(20, result.Hits.Count);
        using var lease = engine.Index.AcquireSearcher();
        var searcher = lease.Searcher;
        var first = searcher.Search(new TermQuery(new Term(IndexFields.Id, "long-0")), 1).ScoreDocs[0].Doc;
        Assert.Equal(2, IndexedMatches.FindEach(searcher, [first], terms)[0]!.Count);
        foreach (var hit in result.Hits)
        {
            Assert.Contains("<mark>وزير</mark> <mark>الخارجية</mark> كلمته", hit.Snippet);
            Assert.True(hit.Snippet.Length < 600, hit.Snippet.Length.ToString());
        }
    }

    [Fact]
    public void Matches_found_for_many_documents_at_once_are_those_found_one_by_one_in_any_order_and_repeated()
    {
        var engine = _folder.OpenEngineWith(Written);
        var terms = new LuceneQueryBuilder(_analyzer).Build(UserQueryParser.Parse("وزير الخارجية القاهرة")).HighlightTerms;
        using var lease = engine.Index.AcquireSearcher();
        var searcher = lease.Searcher;
        var docs = new[] { "d3", "d1", "d2", "d3" }.Select(id => searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1).ScoreDocs[0].Doc).ToList();

        var together = IndexedMatches.FindEach(searcher, docs, terms);

        Assert.Equal(docs.Count, together.Length);
        for (var i = 0; i < docs.Count; i++)
            Assert.Equal(IndexedMatches.FindEach(searcher, [docs[i]], terms)[0], together[i]);
        Assert.All(together, matches => Assert.NotEmpty(matches!));
    }

    [Fact]
    public void An_index_written_without_offsets_has_its_matches_found_by_analysis()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, _analyzer)))
        {
            writer.AddDocument(new Document { new TextField(IndexFields.Body, "قال وزير الخارجية", Field.Store.YES) });
            writer.AddDocument(LuceneDocumentMapper.ToLucene(ArabicStatements.Doc("with", "قال وزير الخارجية")));
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var terms = new LuceneQueryBuilder(_analyzer).Build(UserQueryParser.Parse("وزير")).HighlightTerms;

        // One segment holds both: Lucene keeps the lesser of what its documents record.
        Assert.Null(IndexedMatches.FindEach(searcher, [0], terms)[0]);
        Assert.Null(IndexedMatches.FindEach(searcher, [1], terms)[0]);
    }

    [Fact]
    public void A_segment_written_with_offsets_gives_each_match_once_as_written()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, _analyzer)))
            writer.AddDocument(LuceneDocumentMapper.ToLucene(ArabicStatements.Doc("a", "قال الوزير إن وزير الدفاع والوزيرَ الآخر اتفقا")));
        using var reader = DirectoryReader.Open(directory);
        var terms = new LuceneQueryBuilder(_analyzer).Build(UserQueryParser.Parse("وزير")).HighlightTerms;

        var matches = IndexedMatches.FindEach(new IndexSearcher(reader), [0], terms)[0]!;

        Assert.Equal(["الوزير", "وزير", "والوزيرَ"], matches.Select(m => "قال الوزير إن وزير الدفاع والوزيرَ الآخر اتفقا"[m.Start..m.End]));
    }
}
