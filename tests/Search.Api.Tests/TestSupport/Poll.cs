using System.Diagnostics;

namespace Search.Api.Tests.TestSupport;

/// <summary>Waits for a condition by polling against a deadline, never by a fixed sleep.</summary>
public static class Poll
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    /// <summary>Probes until <paramref name="done"/> holds or the time is up; returns the last value probed.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? Generous;
        while (true)
        {
            var value = await probe();
            if (done(value) || clock.Elapsed >= limit)
                return value;
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(50));
        }
    }

    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), ok => ok, timeout, TimeSpan.FromMilliseconds(100));
}
