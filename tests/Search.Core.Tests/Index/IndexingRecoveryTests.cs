using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Index;

/// <summary>
/// The indexing loop through a failure of its storage (a generation folder that cannot be written, or
/// that was deleted): its health says so while it lasts, it recovers by itself once the cause is gone,
/// and then every accepted document is searchable exactly once.
/// </summary>
public sealed class IndexingRecoveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempDataFolder _folder = new();
    private readonly CancellationTokenSource _stop = new();

    public void Dispose()
    {
        _stop.Cancel();
        _folder.Dispose();
    }

    private static DocumentRecord Doc(int i) => new($"doc-{i}", $"بيان رقم {i}", null, $"نص البيان الخاص بالتجربة {i}", "", "ar", null, null);

    private static async Task<bool> UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(50);
        }
        return true;
    }

    private (SearchEngine Engine, Task Loop) Running()
    {
        var engine = _folder.OpenEngine();
        engine.Accept([.. Enumerable.Range(0, 5).Select(Doc)]);
        return (engine, Task.Run(() => engine.RunIndexingAsync(_stop.Token)));
    }

    private static async Task AssertAllSearchableOnceAsync(SearchEngine engine, int count)
    {
        Assert.True(await UntilAsync(() => engine.Search(new SearchRequest("التجربة")).Total == count), $"found {engine.Search(new SearchRequest("التجربة")).Total} of {count}");
        Assert.Equal(count, engine.Stats().IndexDocuments);
    }

    [SkippableFact]
    public async Task A_generation_that_cannot_be_written_makes_indexing_unhealthy_until_it_can()
    {
        var (engine, loop) = Running();
        await AssertAllSearchableOnceAsync(engine, 5);
        var generation = engine.Generations.PathOf(engine.Stats().Generation);

        using (var readOnly = ReadOnlyFolder.TryMake(generation))
        {
            Skip.If(readOnly is null, ReadOnlyFolder.Unavailable);
            engine.Accept([.. Enumerable.Range(5, 5).Select(Doc)]);
            Assert.True(await UntilAsync(() => !engine.IndexingHealth.IsHealthy), "indexing into a read-only generation was reported healthy");
            Assert.NotNull(engine.IndexingHealth.FailingSince);
            Assert.Equal(5, engine.Search(new SearchRequest("التجربة")).Total);
        }

        Assert.True(await UntilAsync(() => engine.IndexingHealth.IsHealthy), $"still failing: {engine.IndexingHealth.Problem}");
        await AssertAllSearchableOnceAsync(engine, 10);
        Assert.False(loop.IsFaulted);
    }

    [Fact]
    public async Task A_deleted_generation_is_rebuilt_from_the_archive_by_the_loop()
    {
        var (engine, loop) = Running();
        await AssertAllSearchableOnceAsync(engine, 5);

        Directory.Delete(engine.Generations.Root, recursive: true);
        engine.Accept([.. Enumerable.Range(5, 5).Select(Doc)]);

        await AssertAllSearchableOnceAsync(engine, 10);
        Assert.True(await UntilAsync(() => engine.IndexingHealth.IsHealthy), $"still failing: {engine.IndexingHealth.Problem}");
        Assert.True(File.Exists(Path.Combine(engine.Generations.Root, "current")));
        Assert.False(loop.IsFaulted);
    }
}
