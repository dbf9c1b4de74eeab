using Search.Core.Index;

namespace Search.Core.Tests.Index;

/// <summary>
/// A value worked out from a reader is built by one thread however many ask for it at once (the first searches
/// after a refresh all asked for the new reader's speakers), and a build that fails is tried again.
/// </summary>
public sealed class BuiltOnceTests
{
    private sealed class Key;

    [Fact]
    public void Callers_at_the_same_time_wait_for_one_build()
    {
        var builds = 0;
        using var release = new ManualResetEventSlim();
        var values = new BuiltOnce<Key, object>();
        var key = new Key();
        object Build()
        {
            Interlocked.Increment(ref builds);
            release.Wait(TimeSpan.FromSeconds(10));
            return new object();
        }

        var callers = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() => values.For(key, key, _ => Build()), TaskCreationOptions.LongRunning)).ToArray();
        // Whatever the callers' timing, one build: those that come while it runs wait for it, later ones find it.
        SpinWait.SpinUntil(() => Volatile.Read(ref builds) > 0, TimeSpan.FromSeconds(10));
        Thread.Sleep(200);
        release.Set();
        Task.WaitAll(callers);

        Assert.Equal(1, builds);
        Assert.Single(callers.Select(c => c.Result).Distinct());
        Assert.True(values.Holds(key));
        Assert.False(values.Holds(new Key()));
    }

    [Fact]
    public void A_failed_build_is_not_kept()
    {
        var builds = 0;
        var values = new BuiltOnce<Key, string>();
        var key = new Key();
        string Build() => ++builds == 1 ? throw new IOException("the first read fails") : "built";

        Assert.Throws<IOException>(() => values.For(key, key, _ => Build()));
        Assert.False(values.Holds(key));
        Assert.Equal("built", values.For(key, key, _ => Build()));
        Assert.Equal("built", values.For(key, key, _ => Build()));
        Assert.Equal(2, builds);
    }
}
