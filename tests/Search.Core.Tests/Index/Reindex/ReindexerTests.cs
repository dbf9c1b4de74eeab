using System.Collections.Concurrent;
using System.Diagnostics;
using Search.Core.Analysis;
using Search.Core.Index;
using Search.Core.Index.Reindex;
using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Index.Reindex;

/// <summary>
/// The zero-downtime rebuild of the index into a new generation, on a real archive and real
/// Lucene generations in a temporary data folder. Small feeder batches make a rebuild take many
/// batches, so that documents, deletions, searches and cancellations can happen while it runs.
/// </summary>
public sealed class ReindexerTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private static readonly string[] Words =
    [
        "الحكومة", "وزير", "الخارجية", "بيان", "الاقتصاد", "النفط", "العاصمة", "المؤتمر",
        "الرئيس", "التعاون", "الزراعة", "المدارس", "الانتخابات", "السفارة", "الطاقة", "المياه",
    ];

    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static SearchEngineOptions Batches(int size) => new(size, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));

    /// <summary>A word only document <paramref name="i"/> of <paramref name="prefix"/> holds (Latin letters pass the analyzer as they are).</summary>
    private static string Token(string prefix, int i) => $"tok{prefix}{i}x";

    private static DocumentRecord Numbered(string prefix, int i, string? token = null)
    {
        var words = string.Join(' ', Enumerable.Range(0, 24).Select(k => Words[(i * 7 + k * 3) % Words.Length]));
        return new DocumentRecord($"{prefix}-{i}", $"بيان رقم {i}", new DateOnly(2020, 1, 1).AddDays(i % 1_500),
            $"{words} {token ?? Token(prefix, i)}.", "وكالة الأنباء");
    }

    private static List<DocumentRecord> Many(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => Numbered(prefix, i)).ToList();

    /// <summary>
    /// An engine over <paramref name="count"/> searchable, committed documents that feeds (and
    /// rebuilds) <paramref name="batchSize"/> archive changes at a time. Loading goes in large
    /// batches, since the feeder refreshes the searchers after each one.
    /// </summary>
    private SearchEngine OpenLoaded(int count, int batchSize)
    {
        var loader = _folder.OpenEngineWith(Many("a", count), Batches(1_000));
        loader.Index.Commit();
        _folder.Close(loader);
        var engine = _folder.OpenEngine(Batches(batchSize));
        Assert.Equal(0, engine.Live.Pending);
        Assert.Equal(count, engine.Index.DocumentCount());
        return engine;
    }

    private static long Total(SearchEngine engine, string? text = null) => engine.Search(new SearchRequest(text)).Total;

    private static void WaitUntilFinished(ReindexJob job)
    {
        var clock = Stopwatch.StartNew();
        while (job.State == ReindexState.Running)
        {
            Assert.True(clock.Elapsed < Generous, $"reindex {job.Id} still running after {clock.Elapsed}: {job.Processed} of {job.Total}");
            Thread.Sleep(5);
        }
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Generous, $"timed out waiting until {what}");
            Thread.Sleep(10);
        }
    }

    private static ReindexJob Start(SearchEngine engine)
    {
        Assert.True(engine.Reindexer.TryStart("test", out var job), "a reindex was already running");
        return job;
    }

    private static void AssertEachFoundOnce(SearchEngine engine, IEnumerable<(string Prefix, int I)> documents)
    {
        var wrong = documents
            .Select(d => (d.Prefix, d.I, Total: Total(engine, Token(d.Prefix, d.I))))
            .Where(d => d.Total != 1)
            .Take(10)
            .ToList();
        Assert.True(wrong.Count == 0, "documents not found exactly once: " + string.Join(", ", wrong.Select(d => $"{d.Prefix}-{d.I} x{d.Total}")));
    }

    private static string[] GenerationFolders(SearchEngine engine) =>
        Directory.EnumerateDirectories(engine.Generations.Root).Select(Path.GetFileName).Order().ToArray()!;

    [Fact]
    public void A_rebuilt_generation_is_merged_into_one_segment_after_the_switch_and_keeps_every_document()
    {
        const int count = 600;
        var engine = OpenLoaded(count, 25);
        var job = Start(engine);
        WaitUntilFinished(job);
        Assert.True(job.State == ReindexState.Succeeded, $"{job.State}: {job.Error}");

        int Segments()
        {
            using var lease = engine.Index.AcquireSearcher();
            return lease.Searcher.IndexReader.Leaves.Count;
        }
        WaitUntil(() => Segments() == 1, "the new generation is one segment");
        Assert.Equal(count, Total(engine));
        AssertEachFoundOnce(engine, Enumerable.Range(0, count).Select(i => ("a", i)));

        // The merge was committed: a restart opens the one segment.
        _folder.Close(engine);
        var reopened = _folder.OpenEngine();
        using var reopenedLease = reopened.Index.AcquireSearcher();
        Assert.Single(reopenedLease.Searcher.IndexReader.Leaves);
        Assert.Equal(count, reopenedLease.Searcher.IndexReader.NumDocs);
    }

    [Fact]
    public void A_reindex_rebuilds_every_document_into_a_new_generation_and_deletes_the_old_one()
    {
        const int count = 300;
        var engine = OpenLoaded(count, 25);
        var old = engine.Stats().Generation;
        var oldPath = engine.Generations.PathOf(old);

        var job = Start(engine);
        Assert.True(job.Generation > old, $"new generation {job.Generation} after {old}");
        WaitUntilFinished(job);

        Assert.True(job.State == ReindexState.Succeeded, $"{job.State}: {job.Error}");
        Assert.Null(job.Error);
        Assert.Equal(count, job.Processed);
        Assert.Equal(count, job.Total);
        Assert.NotNull(job.FinishedAt);
        Assert.Equal(TimeSpan.Zero, job.EstimatedRemaining);
        Assert.Same(job, engine.Reindexer.Find(job.Id));

        Assert.Equal(job.Generation, engine.Stats().Generation);
        Assert.Equal(job.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture),
            File.ReadAllText(Path.Combine(engine.Generations.Root, "current")).Trim());
        Assert.Equal(Path.GetFullPath(engine.Generations.PathOf(job.Generation)), Path.GetFullPath(engine.Index.Path));
        Assert.False(Directory.Exists(oldPath), $"the old generation {old} is still on disk");
        Assert.Equal([job.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture)], GenerationFolders(engine));

        Assert.Equal(IndexedAnalysis.Version, engine.Stats().IndexAnalyzerVersion);
        Assert.False(engine.Stats().AnalyzerMismatch);
        Assert.Equal(engine.Archive.LastSequence, engine.Index.CommittedSequence);
        Assert.Equal(count, Total(engine));
        Assert.Equal(count, engine.Stats().IndexDocuments);
        AssertEachFoundOnce(engine, Enumerable.Range(0, count).Select(i => ("a", i)));
        WaitUntil(() => engine.Reindexer.Running is null, "the finished job is no longer running");

        // The new generation is the one a restart opens, and it keeps taking documents.
        engine.Accept([Numbered("b", 0)]);
        engine.CatchUp();
        _folder.Close(engine);
        var reopened = _folder.OpenEngine(Batches(25));
        reopened.CatchUp();
        Assert.Equal(job.Generation, reopened.Stats().Generation);
        Assert.Equal(count + 1, Total(reopened));
        AssertEachFoundOnce(reopened, [("a", 0), ("a", count - 1), ("b", 0)]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Documents_accepted_during_the_rebuild_are_in_the_new_generation_exactly_once(bool feederRunsInBackground)
    {
        const int count = 1_500;
        var engine = OpenLoaded(count, 10);
        using var stop = new CancellationTokenSource();
        var feeder = feederRunsInBackground ? Task.Run(() => engine.Indexing.RunAsync(stop.Token)) : Task.CompletedTask;
        try
        {
            var job = Start(engine);
            var acceptedWhileRunning = 0;
            var lastSequence = 0L;
            for (var b = 0; b < 10; b++)
            {
                lastSequence = engine.Accept(Enumerable.Range(b * 20, 20).Select(i => Numbered("n", i)).ToList());
                if (job.State == ReindexState.Running)
                    acceptedWhileRunning++;
                if (!feederRunsInBackground)
                    engine.CatchUp();
            }
            // A document replaced while the rebuild runs: only its new text is found.
            lastSequence = engine.Accept([Numbered("a", 7, token: "tokreplacedx")]);
            if (!feederRunsInBackground)
                engine.CatchUp();

            WaitUntilFinished(job);
            Assert.True(acceptedWhileRunning > 0, "the rebuild ended before any document arrived: nothing was tested");
            Assert.True(job.State == ReindexState.Succeeded, $"{job.State}: {job.Error}");
            Assert.Equal(job.Generation, engine.Stats().Generation);
            Assert.True(job.Processed >= count, $"processed {job.Processed}");

            await engine.Live.WaitUntilVisibleAsync(lastSequence, CancellationToken.None).WaitAsync(Generous);
            Assert.Equal(count + 200, Total(engine));
            Assert.Equal(count + 200, engine.Archive.Count());
            AssertEachFoundOnce(engine, Enumerable.Range(0, 200).Select(i => ("n", i)));
            AssertEachFoundOnce(engine, Enumerable.Range(0, count).Where(i => i % 50 == 3).Select(i => ("a", i)));
            Assert.Equal(0, Total(engine, Token("a", 7)));
            Assert.Equal(1, Total(engine, "tokreplacedx"));
        }
        finally
        {
            await stop.CancelAsync();
            await feeder;
        }
    }

    [Fact]
    public void Documents_deleted_before_during_and_after_the_rebuild_are_not_in_the_new_generation()
    {
        const int count = 1_000;
        var engine = OpenLoaded(count, 10);
        Assert.True(engine.Delete("a-5"));
        engine.CatchUp();

        var job = Start(engine);
        Assert.True(engine.Delete("a-3"));    // most likely read into the new generation already
        Assert.True(engine.Delete("a-990"));  // most likely not yet read
        var deletedWhileRunning = job.State == ReindexState.Running;
        engine.CatchUp();
        WaitUntilFinished(job);
        Assert.True(deletedWhileRunning, "the rebuild ended before the deletions: nothing was tested");
        Assert.True(job.State == ReindexState.Succeeded, $"{job.State}: {job.Error}");

        Assert.Equal(count - 3, Total(engine));
        foreach (var i in new[] { 5, 3, 990 })
        {
            Assert.Equal(0, Total(engine, Token("a", i)));
            Assert.Null(engine.Archive.Get($"a-{i}"));
        }

        Assert.True(engine.Delete("a-500"));
        engine.CatchUp();
        Assert.Equal(0, Total(engine, Token("a", 500)));
        Assert.Equal(count - 4, Total(engine));
        AssertEachFoundOnce(engine, [("a", 0), ("a", 4), ("a", 6), ("a", 501), ("a", 999)]);
    }

    [Fact]
    public void Only_one_rebuild_runs_at_a_time()
    {
        var engine = OpenLoaded(1_000, 10);

        var first = Start(engine);
        var again = engine.Reindexer.TryStart("again", out var running);
        var stillRunning = first.State == ReindexState.Running;

        Assert.True(stillRunning, "the rebuild ended before the second request: nothing was tested");
        Assert.False(again);
        Assert.Same(first, running);
        Assert.Same(first, engine.Reindexer.Running);

        WaitUntilFinished(first);
        Assert.True(first.State == ReindexState.Succeeded, $"{first.State}: {first.Error}");
        WaitUntil(() => engine.Reindexer.Running is null, "the finished job is no longer running");

        var second = Start(engine);
        Assert.NotEqual(first.Id, second.Id);
        Assert.True(second.Generation > first.Generation);
        WaitUntilFinished(second);
        Assert.True(second.State == ReindexState.Succeeded, $"{second.State}: {second.Error}");
        Assert.Equal(second.Generation, engine.Stats().Generation);
        Assert.Equal(1_000, Total(engine));
        Assert.Same(first, engine.Reindexer.Find(first.Id));
    }

    [Fact]
    public void A_cancelled_rebuild_leaves_the_current_generation_serving_and_removes_what_it_built()
    {
        const int count = 2_000;
        var engine = OpenLoaded(count, 10);
        var old = engine.Stats().Generation;

        var job = Start(engine);
        WaitUntil(() => job.Processed > 0 || job.State != ReindexState.Running, "the rebuild has read something");
        job.Cancel();
        WaitUntilFinished(job);

        Assert.Equal(ReindexState.Cancelled, job.State);
        Assert.True(job.Processed < count, $"processed {job.Processed}: the rebuild was not cut short");
        Assert.NotNull(job.FinishedAt);
        Assert.Equal(old, engine.Stats().Generation);
        Assert.Equal(old, new IndexGenerations(engine.DataPath).Current());
        Assert.Equal(count, Total(engine));
        AssertEachFoundOnce(engine, [("a", 0), ("a", 1_234), ("a", count - 1)]);

        WaitUntil(() => !Directory.Exists(engine.Generations.PathOf(job.Generation)), "the half-built generation is deleted");
        WaitUntil(() => engine.Reindexer.Running is null, "the cancelled job is no longer running");
        Assert.Equal([old.ToString(System.Globalization.CultureInfo.InvariantCulture)], GenerationFolders(engine));

        // The current generation keeps taking documents, and a later rebuild succeeds.
        engine.Accept([Numbered("b", 1)]);
        engine.CatchUp();
        Assert.Equal(1, Total(engine, Token("b", 1)));
        var next = Start(engine);
        WaitUntilFinished(next);
        Assert.True(next.State == ReindexState.Succeeded, $"{next.State}: {next.Error}");
        Assert.Equal(count + 1, Total(engine));
    }

    /// <summary>
    /// What a client sees when the status says "cancelled" must be true: the half-built generation
    /// is gone and another rebuild may start. (The job is marked finished before its clean-up.)
    /// </summary>
    [Fact]
    public void Once_a_rebuild_reports_it_was_cancelled_its_folder_is_gone_and_another_may_start()
    {
        var engine = OpenLoaded(2_000, 10);

        var job = Start(engine);
        WaitUntil(() => job.Processed >= 500 || job.State != ReindexState.Running, "the rebuild has read something");
        job.Cancel();
        var clock = Stopwatch.StartNew();
        while (job.State == ReindexState.Running && clock.Elapsed < Generous)
            Thread.SpinWait(100);

        Assert.Equal(ReindexState.Cancelled, job.State);
        var folderLeft = Directory.Exists(engine.Generations.PathOf(job.Generation));
        var started = engine.Reindexer.TryStart("right after", out var next);
        Assert.True(!folderLeft && started,
            $"job {job.Id} reports {job.State}, yet its generation {job.Generation} is {(folderLeft ? "still" : "no longer")} on disk " +
            $"and a new rebuild was {(started ? "started" : $"refused (the running job is {next.Id})")}");
        WaitUntilFinished(next);
    }

    [Fact]
    public void Opening_the_data_folder_deletes_generations_a_crash_left_half_built()
    {
        const int count = 200;
        var engine = OpenLoaded(count, 50);
        var generations = engine.Generations;
        _folder.Close(engine);

        // A rebuild killed half-way: a real Lucene index, committed, but never made current.
        using (var halfBuilt = new SearchIndex(generations.PathOf(2), SearchEngine.Setup(ArabicSearchAnalyzer.Create())))
        {
            using var archive = new Search.Core.Archive.DocumentArchive(new Search.Core.Archive.SqliteArchiveDatabase(_folder.File("archive.db")));
            halfBuilt.Apply(archive.ReadAfter(0, count / 2));
            halfBuilt.Commit();
        }
        // And some other leftover with junk in it.
        Directory.CreateDirectory(Path.Combine(generations.PathOf(7), "sub"));
        File.WriteAllBytes(Path.Combine(generations.PathOf(7), "_0.cfs"), [1, 2, 3, 4]);
        File.WriteAllText(Path.Combine(generations.PathOf(7), "segments_1"), "not an index");
        File.WriteAllText(Path.Combine(generations.PathOf(7), "sub", "x"), "x");
        Assert.Equal(1, generations.Current());

        var reopened = _folder.OpenEngine(Batches(50));
        reopened.CatchUp();

        Assert.Equal(1, reopened.Stats().Generation);
        Assert.False(Directory.Exists(generations.PathOf(2)), "the half-built generation 2 is still on disk");
        Assert.False(Directory.Exists(generations.PathOf(7)), "the leftover generation 7 is still on disk");
        Assert.Equal(["1"], GenerationFolders(reopened));
        Assert.Equal(count, Total(reopened));
        AssertEachFoundOnce(reopened, [("a", 0), ("a", 150), ("a", count - 1)]);

        var job = Start(reopened);
        WaitUntilFinished(job);
        Assert.True(job.State == ReindexState.Succeeded, $"{job.State}: {job.Error}");
        Assert.Equal(count, Total(reopened));
    }

    [Fact]
    public async Task Searches_from_several_threads_during_a_rebuild_all_succeed_with_the_same_total()
    {
        const int count = 2_000;
        var engine = OpenLoaded(count, 20);
        var before = Total(engine);
        Assert.Equal(count, before);

        var errors = new ConcurrentQueue<string>();
        var totals = new ConcurrentBag<long>();
        var generationsSeen = new ConcurrentDictionary<long, int>();
        var searches = 0;
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 4).Select(c => Task.Run(() =>
        {
            var k = c;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using (var lease = engine.Live.Acquire())
                    {
                        generationsSeen.TryAdd(lease.Generation, 0);
                        totals.Add(new SearchService(lease.Index.Analyzer).Search(lease.Index, new SearchRequest(Size: 1)).Total);
                    }
                    totals.Add(Total(engine));
                    var i = k++ * 37 % count;
                    var found = Total(engine, Token("a", i));
                    if (found != 1)
                        errors.Enqueue($"{Token("a", i)} found {found} times");
                    Interlocked.Add(ref searches, 3);
                }
                catch (Exception e)
                {
                    errors.Enqueue(e.GetType().Name + ": " + e.Message);
                }
            }
        })).ToList();

        WaitUntil(() => Volatile.Read(ref searches) > 10, "the clients search");
        var job = Start(engine);
        WaitUntilFinished(job);
        var after = Volatile.Read(ref searches);
        WaitUntil(() => Volatile.Read(ref searches) > after + 10, "the clients search the new generation");
        stop.Cancel();
        await Task.WhenAll(clients).WaitAsync(Generous);

        Assert.True(job.State == ReindexState.Succeeded, $"{job.State}: {job.Error}");
        Assert.True(errors.IsEmpty, $"{errors.Count} failed searches, e.g. {string.Join(" | ", errors.Take(3))}");
        Assert.True(totals.All(t => t == before), $"totals seen: {string.Join(", ", totals.Distinct())}, want {before} throughout");
        Assert.Contains(job.Generation, generationsSeen.Keys);
        Assert.Equal(job.Generation, engine.Stats().Generation);
        WaitUntil(() => !Directory.Exists(engine.Generations.PathOf(job.Generation - 1)), "the old generation is deleted once no search holds it");
    }

    [Fact]
    public void A_search_holding_the_old_generation_across_the_switch_keeps_reading_it_until_it_lets_go()
    {
        const int count = 200;
        var engine = OpenLoaded(count, 25);
        var old = engine.Stats().Generation;
        var oldPath = engine.Generations.PathOf(old);

        var lease = engine.Live.Acquire();
        try
        {
            var job = Start(engine);
            WaitUntilFinished(job);
            Assert.True(job.State == ReindexState.Succeeded, $"{job.State}: {job.Error}");
            Assert.Equal(job.Generation, engine.Stats().Generation);

            // The lease still reads the old generation: searches, counts and stored fields.
            Assert.Equal(old, lease.Generation);
            Assert.True(Directory.Exists(oldPath), "the old generation was deleted while a search held it");
            var result = new SearchService(lease.Index.Analyzer).Search(lease.Index, new SearchRequest(Token("a", 42)));
            Assert.Equal(1, result.Total);
            Assert.Equal("a-42", Assert.Single(result.Hits).Id);
            Assert.Equal(count, lease.Index.DocumentCount());
            using (var searcher = lease.Index.AcquireSearcher())
            {
                var stored = LuceneDocumentMapper.Read(searcher.Searcher.IndexReader, 0).Record;
                Assert.StartsWith("a-", stored.Id);
                Assert.Contains("tok", stored.Body);
            }

            // New searches go to the new generation meanwhile.
            Assert.Equal(count, Total(engine));
            using (var fresh = engine.Live.Acquire())
                Assert.Equal(job.Generation, fresh.Generation);
        }
        finally
        {
            lease.Dispose();
        }

        Assert.False(Directory.Exists(oldPath), "the old generation outlived the last search that held it");
        Assert.Equal(count, Total(engine));
    }
}
