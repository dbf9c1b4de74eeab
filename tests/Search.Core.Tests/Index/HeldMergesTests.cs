using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Search.Core.Index;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Index;

/// <summary>
/// Merges held while a rebuild replaces an index (<see cref="HoldableMergeScheduler.Held"/>): a merge running or
/// starting waits instead of taking a core from the rebuild, and goes on when let go.
/// </summary>
public sealed class HeldMergesTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Lucene_still_lets_a_running_merge_be_paused() => Assert.True(HoldableMergeScheduler.CanPauseMerges);

    [Fact]
    public void A_held_merge_waits_until_let_go()
    {
        var scheduler = new HoldableMergeScheduler();
        using var directory = FSDirectory.Open(_folder.Path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { MergeScheduler = scheduler });
        AddSegments(writer, 6);
        Assert.Equal(6, Segments(writer));

        scheduler.Held = true;
        writer.ForceMerge(1, doWait: false);
        Thread.Sleep(500);
        Assert.Equal(6, Segments(writer));

        scheduler.Held = false;
        writer.WaitForMerges();
        Assert.Equal(1, Segments(writer));
        Assert.Equal(12_000, writer.NumDocs);
    }

    /// <summary>What a rebuild's switch does to the generation it replaces (<c>Discard</c>): the held merge is aborted and its waiter told so.</summary>
    [Fact]
    public void A_held_merge_is_aborted_when_its_index_is_rolled_back()
    {
        var scheduler = new HoldableMergeScheduler();
        using var directory = FSDirectory.Open(_folder.Path);
        var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48)) { MergeScheduler = scheduler });
        AddSegments(writer, 3);
        scheduler.Held = true;
        var merging = Task.Run(() => writer.ForceMerge(1));
        // The merge is handed to the scheduler (and held there) once the writer counts its segments as merging.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (writer.MergingSegments.Count < 3 && waited.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(10);
        Assert.Equal(3, writer.MergingSegments.Count);

        writer.Rollback();

        var failure = Assert.Throws<IOException>(() => merging.GetAwaiter().GetResult());
        Assert.IsType<MergePolicy.MergeAbortedException>(failure.InnerException);
    }

    private static void AddSegments(IndexWriter writer, int count)
    {
        for (var segment = 0; segment < count; segment++)
        {
            for (var i = 0; i < 2_000; i++)
                writer.AddDocument(new Document { new TextField("body", $"word{i % 97} segment{segment} document{i}", Field.Store.YES) });
            writer.Commit();
        }
    }

    private static int Segments(IndexWriter writer)
    {
        using var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
        return reader.Leaves.Count;
    }
}
