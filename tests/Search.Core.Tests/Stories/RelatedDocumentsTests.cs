using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;
using Search.Core.Index;
using Search.Core.Index.Storage;
using Search.Core.Retrieval;
using Search.Core.Retrieval.Collecting;
using Search.Core.Retrieval.Scoring;
using Search.Core.Stories;

namespace Search.Core.Tests.Stories;

/// <summary>Related documents over a real index written as the product writes it, with the story fields.</summary>
public sealed class RelatedDocumentsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "search-core-tests", "related-" + Guid.NewGuid().ToString("N"));
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly Lucene.Net.Analysis.Analyzer _analyzer = ArabicSearchAnalyzer.Create();

    private static readonly string Statement = StoryTexts.Sentences(0, 24);

    public RelatedDocumentsTests()
    {
        DocumentRecord Doc(string id, string body, int day) => new(id, "", new DateOnly(2015, 7, day), body, "test");
        var documents = new[]
        {
            Doc("statement", Statement, 20),
            Doc("reprint", Statement.Replace("أ", "ا") + " " + StoryTexts.Sentence(300), 21),
            Doc("shortened", StoryTexts.Sentences(0, 14), 22),
            // Same subject: many of the statement's words, none of its sentences.
            Doc("subject", string.Join(' ', Statement.Split(' ').Where((_, i) => i % 3 == 0)), 23),
            Doc("other", "مباراة كرة القدم انتهت بالتعادل في الملعب الكبير أمس بحضور الجماهير", 24),
        };
        _directory = FSDirectory.Open(new DirectoryInfo(_path));
        var stories = new MemoryStoryLookup();
        var upserts = documents.Select(d => new StoryDocument(d.Id, d.Date?.DayNumber, StoryFingerprinter.Default.Fingerprint(d.Body))).ToList();
        var assignment = StoryAssigner.Default.Assign(stories, upserts, []);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, _analyzer)))
        {
            foreach (var (record, story) in documents.Zip(upserts))
            {
                var document = LuceneDocumentMapper.ToLucene(record);
                StoryFields.AddTo(document, story.Fingerprint, assignment.Keys[record.Id]);
                writer.AddDocument(document);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
    }

    private IReadOnlyList<RelatedDocument> Related(string id, int size = 10) =>
        new RelatedDocuments(_analyzer, StoryRule.Default).Find(new IndexSearcher(_reader) { Similarity = SearchSimilarity.Create() }, id, size);

    [Fact]
    public void The_copies_come_first_then_the_same_subject_and_never_the_document_itself()
    {
        var related = Related("statement");

        Assert.Equal(["reprint", "shortened"], related.TakeWhile(r => r.SameStory).Select(r => r.Id));
        Assert.Equal("subject", related[2].Id);
        Assert.False(related[2].SameStory);
        Assert.DoesNotContain(related, r => r.Id == "statement");
        Assert.All(related, r => Assert.True(r.Score > 0));
    }

    [Fact]
    public void Size_bounds_the_answer() => Assert.Single(Related("statement", size: 1));

    [Theory]
    [InlineData("missing", 10)]
    [InlineData("statement", 0)]
    public void An_unknown_id_or_no_room_gives_nothing(string id, int size) => Assert.Empty(Related(id, size));

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        try { System.IO.Directory.Delete(_path, recursive: true); } catch (IOException) { }
    }
}
