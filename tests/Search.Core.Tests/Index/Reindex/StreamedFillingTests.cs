using System.Threading.Channels;
using Search.Core.Analysis;
using Search.Core.Archive;
using Search.Core.Index;
using Search.Core.Index.Reindex;
using Search.Core.Tests.Stories;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Index.Reindex;

/// <summary>
/// A rebuild's filling streams documents across batches on every core, and still finishes each batch in
/// order, once all its documents are in: the story updates a later batch makes to documents of earlier ones
/// land, and a batch counts as applied only when it is.
/// </summary>
public sealed class StreamedFillingTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(21, 3)]
    [InlineData(22, 8)]
    public async Task Stories_streamed_across_small_batches_equal_the_whole_archive_s(int seed, int batchSize)
    {
        var archive = new RandomStoryArchive(seed);
        for (var n = 0; n < 12; n++)
            archive.NextBatch(25);
        var rows = Rows(archive, new Random(seed));
        using var index = Filling(rows.Count);
        var finished = new List<(long Last, long Applied, int Count)>();

        await StreamedFilling.RunAsync(index, Prepared(index, rows, batchSize),
            (batch, refused) => finished.Add((batch.Entries[^1].Sequence, index.AppliedSequence, batch.Entries.Count)), CancellationToken.None);
        index.EndFirstFilling();
        index.Refresh();

        Assert.Equal(BatchByBatchTests.AllAtOnce(archive.Documents), BatchByBatchTests.KeysOf(index));
        Assert.Equal(rows.Chunk(batchSize).Select(c => c[^1].Sequence), finished.Select(f => f.Last));
        Assert.All(finished, f => Assert.Equal(f.Last, f.Applied));
        Assert.Equal(rows.Count, finished.Sum(f => f.Count));
        var shared = archive.Documents.Count - BatchByBatchTests.KeysOf(index).Values.Distinct().Count();
        Assert.True(shared > 10, $"only {shared} documents share a story: the archive should make many");
    }

    [Fact]
    public async Task A_failed_read_fails_the_filling_with_its_own_error_after_the_batches_before_it()
    {
        var rows = SmallArchive(23);
        using var index = Filling(rows.Count);
        var batches = Channel.CreateUnbounded<SearchIndex.PreparedBatch>();
        batches.Writer.TryWrite(index.Prepare(rows));
        batches.Writer.Complete(new IOException("the archive could not be read"));
        var finished = 0;

        var error = await Assert.ThrowsAsync<IOException>(() =>
            StreamedFilling.RunAsync(index, batches.Reader, (_, _) => finished++, CancellationToken.None));

        Assert.Equal("the archive could not be read", error.Message);
        Assert.Equal(1, finished);
        Assert.Equal(rows[^1].Sequence, index.AppliedSequence);
    }

    [Fact]
    public async Task A_cancelled_filling_stops_without_applying_a_batch()
    {
        var rows = SmallArchive(24);
        using var index = Filling(rows.Count);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var finished = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            StreamedFilling.RunAsync(index, Prepared(index, rows, 10), (_, _) => finished++, cancelled.Token));

        Assert.Equal(0, finished);
        Assert.Equal(0, index.AppliedSequence);
    }

    private SearchIndex Filling(int rows)
    {
        var index = new SearchIndex(Path.Combine(_folder.Path, "index"), SearchEngine.Setup(ArabicSearchAnalyzer.Create()));
        index.BeginFirstFilling(throughSequence: rows, expected: rows);
        return index;
    }

    private static List<ArchiveEntry> SmallArchive(int seed)
    {
        var archive = new RandomStoryArchive(seed);
        archive.NextBatch(30);
        return Rows(archive, new Random(seed));
    }

    /// <summary>The archive's documents as a rebuild reads them: one row an id, in an order unrelated to their dates.</summary>
    private static List<ArchiveEntry> Rows(RandomStoryArchive archive, Random random) =>
        archive.Documents.OrderBy(_ => random.Next()).Select((d, i) => new ArchiveEntry(i + 1, d.Key,
            new DocumentRecord(d.Key, "عنوان", d.Value.Day is { } day ? DateOnly.FromDayNumber(day) : null, d.Value.Body, "test"))).ToList();

    /// <summary>Every batch prepared in order, as the rebuild's reader prepares them ahead of the filling.</summary>
    private static ChannelReader<SearchIndex.PreparedBatch> Prepared(SearchIndex index, List<ArchiveEntry> rows, int batchSize)
    {
        var batches = Channel.CreateUnbounded<SearchIndex.PreparedBatch>();
        foreach (var chunk in rows.Chunk(batchSize))
            batches.Writer.TryWrite(index.Prepare(chunk));
        batches.Writer.Complete();
        return batches.Reader;
    }
}
