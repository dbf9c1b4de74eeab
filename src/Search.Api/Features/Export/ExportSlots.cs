using System.Collections.Concurrent;

namespace Search.Api.Features.Export;

/// <summary>
/// One export at a time per client (by address, as the other per-client limits count): an export
/// walks every match, and a client asking for many at once would take the processors from everyone.
/// </summary>
public sealed class ExportSlots
{
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    /// <summary>Takes the client's slot; null when it has an export running.</summary>
    public IDisposable? TryTake(string client) => _running.TryAdd(client, 0) ? new Slot(this, client) : null;

    private sealed class Slot(ExportSlots slots, string client) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                slots._running.TryRemove(client, out _);
        }
    }
}
