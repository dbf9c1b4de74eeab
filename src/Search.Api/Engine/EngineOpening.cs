using Microsoft.Extensions.Options;
using Search.Core;

namespace Search.Api.Engine;

/// <summary>
/// Opens the engine on a thread of its own, from right after the host is built (<c>Program.cs</c>), while on the
/// other core the routes are mapped, the server starts and the first request builds its pipeline. One after the
/// other, opening the corpus's index (archive, writer, reader and its warmed values) took 390 ms of a 1.0–1.2 s
/// start, and the server and its first request another 220–300 ms (docs/performance.md, thirteenth session).
/// Whatever needs the engine waits for it: a request through the <see cref="SearchEngine"/> service, a worker
/// through <see cref="WhenOpenAsync"/>; the host's start itself ends only once it is open.
/// </summary>
public sealed class EngineOpening(IOptions<SearchOptions> options, ILoggerFactory loggers) : IDisposable
{
    private readonly Lazy<Task<SearchEngine>> _opening = new(() => Task.Run(() =>
        SearchEngine.Open(options.Value.FullDataPath, options.Value.ToEngineOptions(), loggers)));

    /// <summary>Starts opening, once; later calls do nothing.</summary>
    public void Begin() => _ = _opening.Value;

    /// <summary>The engine once open (opening begins if it has not); faults with what stopped it from opening.</summary>
    public Task<SearchEngine> Opened => _opening.Value;

    /// <summary>
    /// For a worker: the engine once open, or null when it could not be opened. The host's start fails then,
    /// and says why once (<see cref="ServiceRun"/>); a worker that failed too would be reported as a second cause.
    /// Never completes at once, even when the engine is open already: a worker's first round (catching up after a
    /// crash, a backlog in the inbox) must not hold up the host's start, which waits for its first await.
    /// </summary>
    public async Task<SearchEngine?> WhenOpenAsync()
    {
        await Task.Yield();
        var opened = Opened;
        await ((Task)opened).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return opened.IsCompletedSuccessfully ? opened.Result : null;
    }

    /// <summary>
    /// Closes the engine if it was opened, whether or not anything asked for it (a start that failed after it
    /// opened); the container closes the <see cref="SearchEngine"/> service it handed out too, and closing twice
    /// does nothing.
    /// </summary>
    public void Dispose()
    {
        if (!_opening.IsValueCreated)
            return;
        var opened = _opening.Value;
        ((Task)opened).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        if (opened.IsCompletedSuccessfully)
            opened.Result.Dispose();
    }
}
