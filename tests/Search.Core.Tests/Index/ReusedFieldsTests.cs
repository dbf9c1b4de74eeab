using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Languages;
using Search.Core.Quotes;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Index;

/// <summary>
/// A thread indexes each document in the fields it filled for the one before (<see cref="LuceneDocumentMapper.ToLuceneForIndexing"/>):
/// every document must be written with its own values, and without the fields of the one before that it lacks.
/// </summary>
public sealed class ReusedFieldsTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    private static readonly DocumentRecord[] Documents =
    [
        new("full", "عنوان أول", new DateOnly(2021, 3, 4), "قال وزير الخارجية إن المحادثات مستمرة", "وكالة", "ar", "سياسة", "https://example.org/1"),
        new("bare", "عنوان ثان", null, "أعلنت الوزارة خطة للزراعة", "صحيفة"),
        new("english", "A title", new DateOnly(2022, 5, 6), "The minister said talks go on", "agency", "en"),
        new("again", "", new DateOnly(2020, 1, 2), "تقرير عن الاقتصاد", "وكالة"),
        new("quoted", "تصريحات", null,
            "وقال الرئيس الروسي فلاديمير بوتين إن بلاده لا تريد التصعيد. وأضاف الرئيس بوتين: «نحن منفتحون على الحوار». " +
            "وقال بوتين في ختام كلمته إن العمل مستمر.", "وكالة"),
        new("unquoted", "خبر", null, "ارتفعت أسعار النفط في الأسواق", "صحيفة"),
        new("other", "تصريح", null, "وقال الرئيس الفرنسي إيمانويل ماكرون إن أوروبا موحدة.", "صحيفة"),
    ];

    [Fact]
    public void Each_document_is_written_with_its_own_values_and_nothing_of_the_one_before()
    {
        using var directory = new NIOFSDirectory(new DirectoryInfo(_folder.Path));
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, LanguageAnalyses.CreateFieldAnalyzer(ArabicSearchAnalyzer.Create()))))
            foreach (var record in Documents)
                writer.AddDocument(LuceneDocumentMapper.ToLuceneForIndexing(record));

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        foreach (var expected in Documents)
        {
            var hits = searcher.Search(new TermQuery(new Term(IndexFields.Id, expected.Id)), 2).ScoreDocs;
            var hit = Assert.Single(hits);
            var stored = LuceneDocumentMapper.Read(reader, hit.Doc).Record;
            Assert.Equal(expected with { Lang = expected.Lang ?? "ar" }, stored);

            var leaf = reader.Leaves[ReaderUtil.SubIndex(hit.Doc, reader.Leaves)];
            var doc = hit.Doc - leaf.DocBase;
            var id = new BytesRef();
            leaf.AtomicReader.GetSortedDocValues(IndexFields.Id).Get(doc, id);
            Assert.Equal(expected.Id, id.Utf8ToString());
            var title = new BytesRef();
            leaf.AtomicReader.GetBinaryDocValues(IndexFields.Title).Get(doc, title);
            Assert.Equal(expected.Title, title.Utf8ToString());
            var hasDate = leaf.AtomicReader.GetDocsWithField(IndexFields.Date).Get(doc);
            Assert.Equal(expected.Date is not null, hasDate);
        }

        // Each body's words are found in its own document only, in its own language's field.
        Assert.Equal(["full"], Ids(searcher, new TermQuery(new Term(IndexFields.Body, "=خارجيه"))));
        Assert.Equal(["bare"], Ids(searcher, new TermQuery(new Term(IndexFields.Body, "=زراعه"))));
        Assert.Equal(["full"], Ids(searcher, new TermQuery(new Term(IndexFields.Category, "سياسة"))));
        // One speaker term a quotation, in the quoting document alone: the documents after it have none of its keys.
        var putin = new Term(QuoteFields.Speaker, SpeakerKeys.Of("فلاديمير بوتين"));
        Assert.Equal(["quoted"], Ids(searcher, new TermQuery(putin)));
        Assert.Equal(3, reader.TotalTermFreq(putin));
        var macron = new Term(QuoteFields.Speaker, SpeakerKeys.Of("إيمانويل ماكرون"));
        Assert.Equal(["other"], Ids(searcher, new TermQuery(macron)));
        Assert.Equal(1, reader.TotalTermFreq(macron));
        Assert.Equal(["again", "full"], Ids(searcher, NumericRangeQuery.NewInt32Range(IndexFields.Date, new DateOnly(2020, 1, 1).DayNumber, new DateOnly(2021, 12, 31).DayNumber, true, true)));
    }

    private static List<string> Ids(IndexSearcher searcher, Query query) =>
        searcher.Search(query, 10).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(IndexFields.Id)).Order(StringComparer.Ordinal).ToList();

    public void Dispose() => _folder.Dispose();
}
