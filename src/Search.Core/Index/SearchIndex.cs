using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Search.Core.Analysis;
using Search.Core.Archive;
using Search.Core.Stories;
using Search.Core.Index.Storage;

namespace Search.Core.Index;

/// <summary>
/// One Lucene index generation on disk: its single <see cref="IndexWriter"/>, the
/// <see cref="SearcherManager"/> searches go through, and the checkpoint its commits carry (how far
/// into the archive it has indexed, and with which analyzer version).
/// </summary>
internal sealed class SearchIndex : IDisposable
{
    /// <summary>
    /// The indexing buffer. 64 MB rather than 256: the same processor time for a rebuild of the corpus (30.3-35.2 s
    /// against 30.8-37.6 s, alternating), and 70-120 MB less at the peak, which <c>perf.py</c> had seen at 995-1,073 MB
    /// (its limit is 1 GB) once searches held the postings' documents in memory (docs/performance.md).
    /// </summary>
    private const double BulkBufferMB = 64, FinishingBufferMB = 32;

    private const string SequenceKey = "archive.sequence";
    private const string AnalyzerKey = "analyzer.version";
    private const string CommittedAtKey = "committed.at";

    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SuspendableMergePolicy _mergePolicy = new();
    private readonly HoldableMergeScheduler _mergeScheduler = new();
    private readonly GenerationStories _stories = new();
    private readonly System.Threading.Lock _commitGate = new();

    /// <summary>
    /// The story key each document indexed before a batch ends with, where the batch changed it (<see cref="Finish"/>),
    /// until they are written over written segments (<see cref="WriteStoryKeys"/>); under its own lock, since a
    /// merge's commit may write them while the feeder finishes a batch.
    /// </summary>
    private readonly Dictionary<string, long> _storyKeys = new(StringComparer.Ordinal);
    private readonly System.Threading.Lock _storyKeysGate = new();
    private int _merging;
    private long _firstFillingThrough;
    private long _appliedSequence;
    private long _committedSequence;

    public SearchIndex(string path, IndexSetup setup)
    {
        Path = path;
        Analyzer = setup.Analyzer;
        System.IO.Directory.CreateDirectory(path);
        _directory = new PositionalDirectory(new DirectoryInfo(path));

        IDictionary<string, string> commit;
        try
        {
            commit = ReadLastCommitData(_directory);
        }
        catch (IOException e) when (UnfinishedFirstCommit.Discard(_directory, e))
        {
            StartedOver = true;
            commit = new Dictionary<string, string>();
        }
        _committedSequence = _appliedSequence = commit.TryGetValue(SequenceKey, out var seq) ? long.Parse(seq, CultureInfo.InvariantCulture) : 0;
        BuiltWithAnalyzer = commit.TryGetValue(AnalyzerKey, out var version) ? version : (commit.Count == 0 ? setup.AnalyzerVersion : "unknown");
        LastCommit = commit.TryGetValue(CommittedAtKey, out var at) ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null;

        var config = new IndexWriterConfig(ArabicSearchAnalyzer.Lucene, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Codec = ArchiveCodec.Instance,
            Similarity = setup.Similarity,
            // Fewer, larger flushed segments than Lucene's 16 MB default: less to merge after a bulk build.
            RAMBufferSizeMB = BulkBufferMB,
            // A compound file copies every flushed segment once more to save file handles we do not lack.
            UseCompoundFile = false,
            MergePolicy = _mergePolicy,
            MergeScheduler = _mergeScheduler,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, setup.Searchers());
    }

    public string Path { get; }

    /// <summary>True when the folder's first commit had been cut short, and the index was started over empty (<see cref="UnfinishedFirstCommit"/>).</summary>
    public bool StartedOver { get; }

    /// <summary>The engine's analyzer (not owned: every generation of the engine shares it).</summary>
    public Analyzer Analyzer { get; }

    /// <summary>The analyzer version the index's documents were analysed with.</summary>
    public string BuiltWithAnalyzer { get; private set; }

    /// <summary>Archive sequence up to which changes have been applied (searchable after <see cref="Refresh"/>).</summary>
    public long AppliedSequence => Interlocked.Read(ref _appliedSequence);

    /// <summary>Archive sequence the last durable commit holds: a restart resumes after it.</summary>
    public long CommittedSequence => Interlocked.Read(ref _committedSequence);

    public DateTimeOffset? LastCommit { get; private set; }

    /// <summary>A batch of archive changes with its stories worked out (<see cref="Prepare"/>), ready for <see cref="Apply(PreparedBatch)"/>.</summary>
    public sealed record PreparedBatch(IReadOnlyList<ArchiveEntry> Entries, GenerationStories.Batch Stories);

    /// <summary>
    /// Works out a batch's stories (<see cref="GenerationStories"/>): live, against the generation's searcher
    /// as it stands, so the batch must be applied before the next is prepared; while a rebuild fills the
    /// generation, from memory alone, so the next batch can be prepared while this one is analysed (the
    /// assigning runs on one core, and the other waited for it at every batch).
    /// </summary>
    public PreparedBatch Prepare(IReadOnlyList<ArchiveEntry> entries)
    {
        using var before = AcquireSearcher();
        return new(entries, _stories.Assign(entries, () => new LuceneStoryLookup(before.Searcher.IndexReader)));
    }

    /// <summary>
    /// Applies archive changes in order of sequence and returns the documents Lucene refused (they
    /// are skipped so that one bad document cannot stall indexing). Documents are analysed on all
    /// cores: the writer is thread-safe, and the archive holds one row an id, so no two changes in one
    /// batch touch the same document; last, the batch is finished (<see cref="Finish"/>). A rebuild's
    /// filling goes through <c>StreamedFilling</c> instead, which does not wait at the end of each batch.
    /// </summary>
    public IReadOnlyList<(string Id, string Reason)> Apply(IReadOnlyList<ArchiveEntry> entries)
    {
        if (entries.Count == 0)
            return [];
        var batch = Prepare(entries);
        var refused = new System.Collections.Concurrent.ConcurrentBag<(string, string)>();
        // Load-balanced, one document at a time: a list is otherwise split into fixed ranges, and the
        // thread with the longer documents left the other core idle at the end of every batch.
        var partitioner = System.Collections.Concurrent.Partitioner.Create(Enumerable.Range(0, batch.Entries.Count), System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitioner, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => Index(batch, i, refused));
        Finish(batch);
        return refused.ToList();
    }

    /// <summary>
    /// Applies the change at <paramref name="position"/> in a batch, adding the document to
    /// <paramref name="refused"/> when Lucene refuses it. Safe on several threads at once for
    /// changes of different documents; the batch counts as applied only once <see cref="Finish"/> has run.
    /// </summary>
    public void Index(PreparedBatch batch, int position, System.Collections.Concurrent.ConcurrentBag<(string Id, string Reason)> refused)
    {
        var entry = batch.Entries[position];
        // A row of the first filling has no earlier copy here: adding it skips looking for one,
        // which Lucene does for every replacement in every segment flushed before.
        var first = entry.Sequence <= Volatile.Read(ref _firstFillingThrough);
        var key = new Term(IndexFields.Id, entry.Id);
        if (entry.Document is null)
        {
            if (!first)
                _writer.DeleteDocuments(key);
            return;
        }
        try
        {
            var document = LuceneDocumentMapper.ToLuceneForIndexing(entry.Document);
            StoryFields.AddTo(document, batch.Stories.Fingerprints[position]!, batch.Stories.Assignment.Keys[entry.Id]);
            if (first)
                _writer.AddDocument(document);
            else
                _writer.UpdateDocument(key, document);
        }
        catch (ArgumentException e)
        {
            refused.Add((entry.Id, e.Message));
        }
    }

    /// <summary>
    /// Ends a batch once every change in it is indexed (<see cref="Index"/>), batches one at a time in the order
    /// they were prepared: the documents indexed before whose story was joined, split or got an earlier first
    /// carrier are given their new key, and the batch counts as applied. The keys are kept, the last for each
    /// document, and written before the generation is refreshed, committed or its filling ends (<see cref="WriteStoryKeys"/>).
    /// </summary>
    public void Finish(PreparedBatch batch)
    {
        lock (_storyKeysGate)
        {
            // A document of this batch was written with its key as of this batch, later than any kept for it.
            foreach (var entry in batch.Entries)
                _storyKeys.Remove(entry.Id);
            foreach (var (id, storyKey) in batch.Stories.Assignment.Updates)
                _storyKeys[id] = storyKey;
        }
        Interlocked.Exchange(ref _appliedSequence, batch.Entries[^1].Sequence);
    }

    /// <summary>
    /// Writes the story keys kept by <see cref="Finish"/>, every document first out of the indexing buffers.
    /// Lucene 4.8 is not to be trusted with an update of a document still in a buffer: it limits an update to the
    /// documents a buffer held when the update reached it, in a number every buffer that meets the update overwrites,
    /// so an update met by two threads' buffers, or by one after another update of the same document, can be skipped
    /// (a rebuild's filling lost the last keys of 14 articles of the corpus). Over written segments, updates take
    /// Lucene's global path, which applies them whole. Live, the flush is the one the refresh makes anyway.
    /// </summary>
    private void WriteStoryKeys()
    {
        lock (_storyKeysGate)
        {
            if (_storyKeys.Count == 0)
                return;
            _writer.Flush(triggerMerge: false, applyAllDeletes: false);
            foreach (var (id, storyKey) in _storyKeys)
                _writer.UpdateNumericDocValue(new Term(IndexFields.Id, id), StoryFields.Key, storyKey);
            _storyKeys.Clear();
        }
    }

    /// <summary>
    /// Near the end of a bulk build: the indexing threads write out the large segments they hold, each
    /// its own and so in parallel, and keep the rest small, instead of leaving it all to the commit,
    /// which writes them one after the other on one thread (a quarter of the build's time at 256 MB).
    /// Half the bulk buffer rather than a quarter: at 16 MB, Lucene held new documents back while the
    /// two large segments were written (it does while more than twice the buffer waits to be written),
    /// and one core was idle for 0.7 s; at 32 MB nothing waits, and the commit writes what is left in 0.35 s.
    /// </summary>
    public void FlushAsYouGo() => _writer.Config.RAMBufferSizeMB = FinishingBufferMB;

    /// <summary>
    /// Starts filling this empty index (a rebuild's new generation) from the archive rows up to
    /// <paramref name="throughSequence"/>, the archive's last when the rebuild starts. The archive keeps
    /// one row an id and moves a changed document to a higher sequence, so a read in order meets at most
    /// one row of an id up to it: those rows are added, never looked up to be replaced. Segments are not
    /// merged meanwhile: the filled index is merged into one once (<see cref="MergeDown"/>), which merging
    /// on the way would do twice over.
    /// </summary>
    /// <param name="expected">How many rows it will read, when known: the stories' tables in memory are sized for them at once.</param>
    public void BeginFirstFilling(long throughSequence, long expected = 0)
    {
        if (_writer.MaxDoc > 0)
            throw new InvalidOperationException($"The index at {Path} already holds documents: only an empty index is filled for the first time.");
        Volatile.Write(ref _firstFillingThrough, throughSequence);
        _mergePolicy.Suspended = true;
        _stories.BeginFilling(expected: expected);
    }

    /// <summary>
    /// Indexes holding fewer documents than this follow a backlog's stories in memory
    /// (<see cref="FollowBacklog"/>); a larger one would take more memory to load than its lookups cost.
    /// </summary>
    private const int MaxDocumentsFollowedInMemory = 250_000;

    /// <summary>
    /// Told before each live batch whether it is a full one (more waits behind it). While a backlog lasts,
    /// stories are followed in memory, loaded once from the index, as a rebuild follows them: looking a
    /// fingerprint's samples up in every segment of a growing index was most of a bulk load's time (the
    /// corpus through <c>POST /api/documents</c>: 49,000 of 69,541 documents searchable a minute after the
    /// last batch was acknowledged). A short batch ends it: the index holds everything again, and is
    /// looked up as usual.
    /// </summary>
    public void FollowBacklog(bool backlog)
    {
        if (Volatile.Read(ref _firstFillingThrough) > 0)
            return; // a rebuild's filling follows its stories in memory already
        if (backlog && !_stories.Filling && _writer.MaxDoc <= MaxDocumentsFollowedInMemory)
        {
            using var lease = AcquireSearcher();
            _stories.BeginFilling(LuceneStoryLookup.All(lease.Searcher.IndexReader), _writer.MaxDoc);
        }
        else if (!backlog && _stories.Filling)
            _stories.EndFilling();
    }

    /// <summary>Ends <see cref="BeginFirstFilling"/>: rows are replaced and segments merged as usual from now on.</summary>
    public void EndFirstFilling()
    {
        WriteStoryKeys();
        Volatile.Write(ref _firstFillingThrough, 0);
        _mergePolicy.Suspended = false;
        _stories.EndFilling();
    }

    /// <summary>Makes what was applied visible to searches.</summary>
    public void Refresh()
    {
        WriteStoryKeys();
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// Merges the index down to at most <paramref name="segments"/> segments (the smallest first) and
    /// makes that durable and searchable; false, without merging, while another merge of this index
    /// runs. Each query term is looked up once per segment, through the directory: the dev-eval
    /// questions took 4.2 ms on eleven segments, 2.2 ms on three and 1.6 ms on one. Runs for seconds
    /// on one core; searches and new documents go on meanwhile.
    /// </summary>
    public bool MergeDown(int segments)
    {
        if (Interlocked.CompareExchange(ref _merging, 1, 0) != 0)
            return false;
        try
        {
            _writer.ForceMerge(segments);
            Commit();
            Refresh();
            return true;
        }
        finally
        {
            Volatile.Write(ref _merging, 0);
        }
    }

    /// <summary>Segments the searches currently read.</summary>
    public int SegmentCount()
    {
        using var lease = AcquireSearcher();
        return lease.Searcher.IndexReader.Leaves.Count;
    }

    /// <summary>Makes what was applied durable, with the checkpoint a restart resumes from.</summary>
    public void Commit()
    {
        // The feeder and a merge after a rebuild may both commit: one checkpoint and commit at a time.
        lock (_commitGate)
            CommitLocked();
    }

    private void CommitLocked()
    {
        // The keys kept for the batches the checkpoint counts go into the commit: a batch's keys are kept before it
        // counts as applied (Finish), so those read after the checkpoint include them.
        var applied = AppliedSequence;
        WriteStoryKeys();
        var now = DateTimeOffset.UtcNow;
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [SequenceKey] = applied.ToString(CultureInfo.InvariantCulture),
            [AnalyzerKey] = BuiltWithAnalyzer,
            [CommittedAtKey] = now.ToString("O", CultureInfo.InvariantCulture),
        });
        _writer.Commit();
        Interlocked.Exchange(ref _committedSequence, applied);
        LastCommit = now;
    }

    public SearcherLease AcquireSearcher() => new(_searchers);

    /// <summary>Documents visible to searches.</summary>
    public int DocumentCount()
    {
        using var lease = AcquireSearcher();
        return lease.Searcher.IndexReader.NumDocs;
    }

    /// <summary>Bytes the generation's files take on disk.</summary>
    public long SizeInBytes() =>
        new DirectoryInfo(Path).EnumerateFiles().Sum(f => { try { return f.Length; } catch (FileNotFoundException) { return 0; } });

    /// <summary>Closes the index dropping everything since its last commit (a rebuild abandoned half-way, a generation retired).</summary>
    public void Discard()
    {
        _searchers.Dispose();
        AbandonWriter();
        _directory.Dispose();
    }

    /// <summary>
    /// Closes the writer, dropping everything since the last commit, and frees the folder's write lock
    /// for a writer opened anew on it; the searches running keep reading what they hold. Lucene frees
    /// the lock even when the rollback fails (a folder deleted, a disk full), and that failure is the
    /// one being recovered from, so it is not raised again.
    /// </summary>
    public void AbandonWriter()
    {
        try
        {
            _writer.Rollback();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Holds this index's merges while a rebuild replaces it, or lets them go (<see cref="HoldableMergeScheduler.Held"/>).</summary>
    public void HoldMerges(bool held) => _mergeScheduler.Held = held;

    public void Dispose()
    {
        _searchers.Dispose();
        // Closing waits for the merges running: a held one would never end.
        _mergeScheduler.Held = false;
        _writer.Dispose();
        _directory.Dispose();
    }

    private static IDictionary<string, string> ReadLastCommitData(Lucene.Net.Store.Directory directory)
    {
        if (!DirectoryReader.IndexExists(directory))
            return new Dictionary<string, string>();
        var commits = DirectoryReader.ListCommits(directory);
        return commits[^1].UserData;
    }
}
