using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Index;
using Search.Core.Index.Storage;
using Search.Core.Stories;

namespace Search.Core.Tests.Stories;

/// <summary>
/// A real Lucene index in a temp folder fed as the indexing loop will feed it: per batch, the assigner
/// runs against a near-real-time reader of the index as it is, the batch's documents are written with
/// their story fields, indexed documents whose story changed are updated in place, and the reader is reopened.
/// </summary>
internal sealed class StoryTestIndex : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "search-core-tests", "stories-" + Guid.NewGuid().ToString("N"));
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private DirectoryReader _reader;

    public StoryTestIndex()
    {
        System.IO.Directory.CreateDirectory(_path);
        _directory = FSDirectory.Open(new DirectoryInfo(_path));
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer()));
        _reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
    }

    public IndexReader Reader => _reader;

    public LuceneStoryLookup Lookup => new(_reader);

    /// <summary>Applies a batch: documents (id, day, body) added or replaced, and ids deleted.</summary>
    public StoryAssignment Apply(IReadOnlyList<(string Id, int? Day, string Body)> upserts, params string[] deletions)
    {
        var documents = upserts.Select(u => new StoryDocument(u.Id, u.Day, StoryFingerprinter.Default.Fingerprint(u.Body))).ToList();
        var assignment = StoryAssigner.Default.Assign(Lookup, documents, deletions);
        foreach (var id in deletions)
            _writer.DeleteDocuments(new Term(IndexFields.Id, id));
        foreach (var (document, body) in documents.Zip(upserts.Select(u => u.Body)))
        {
            var lucene = new Document
            {
                new StringField(IndexFields.Id, document.Id, Field.Store.YES),
                new SortedDocValuesField(IndexFields.Id, new BytesRef(document.Id)),
                new StoredField(IndexFields.Body, body),
            };
            if (document.Day is { } day)
                lucene.Add(new NumericDocValuesField(IndexFields.Date, day));
            StoryFields.AddTo(lucene, document.Fingerprint, assignment.Keys[document.Id]);
            _writer.UpdateDocument(new Term(IndexFields.Id, document.Id), lucene);
        }
        foreach (var (id, key) in assignment.Updates)
            _writer.UpdateNumericDocValue(new Term(IndexFields.Id, id), StoryFields.Key, key);
        var newer = DirectoryReader.OpenIfChanged(_reader, _writer, applyAllDeletes: true);
        if (newer is not null)
        {
            _reader.Dispose();
            _reader = newer;
        }
        return assignment;
    }

    /// <summary>Every document's story key as the index holds it now.</summary>
    public Dictionary<string, long> Keys()
    {
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var leaf in _reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var live = segment.LiveDocs;
            var values = segment.GetNumericDocValues(StoryFields.Key);
            var ids = segment.GetSortedDocValues(IndexFields.Id);
            var bytes = new BytesRef();
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                    continue;
                ids.Get(doc, bytes);
                keys[bytes.Utf8ToString()] = values.Get(doc);
            }
        }
        return keys;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        try { System.IO.Directory.Delete(_path, recursive: true); } catch (IOException) { }
    }
}
