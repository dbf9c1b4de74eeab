using Search.Core.Stories;
using Search.Core.Tests.Stories;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Index;

/// <summary>
/// A live index follows a backlog's stories in memory (loaded from what it holds) and an ordinary
/// trickle in the index itself; either way each document ends with the key a whole rebuild gives it.
/// </summary>
public sealed class BacklogStoriesTests : IDisposable
{
    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(11, 8)]
    [InlineData(12, 3)]
    public void Stories_after_a_trickle_a_backlog_and_a_trickle_again_equal_a_rebuilds(int seed, int batchSize)
    {
        var archive = new RandomStoryArchive(seed);
        var engine = _folder.OpenEngine(new SearchEngineOptions(batchSize, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)));

        // A few short batches (each caught up), a backlog of many full ones, then a few short ones again.
        foreach (var size in (int[])[2, 2, batchSize * 12, 1, 2])
        {
            var (upserts, deletions) = archive.NextBatch(size);
            engine.Accept(upserts.Select(u => ArabicStatements.Doc(u.Id, u.Body, u.Day is { } day ? DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd") : null)).ToList());
            foreach (var id in deletions)
                engine.Delete(id);
            engine.CatchUp();

            Assert.Equal(BatchByBatchTests.AllAtOnce(archive.Documents).ToDictionary(p => p.Key, p => StoryKey.Format(p.Value)), engine.StoryIds());
        }
    }
}
