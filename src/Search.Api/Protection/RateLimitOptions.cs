using System.ComponentModel.DataAnnotations;

namespace Search.Api.Protection;

/// <summary>
/// Per-client limits (<c>Search:RateLimits</c>): a token bucket for searches and reads, and a
/// smaller one for writes, keyed by the client's address. Past them the answer is 429 with
/// <c>Retry-After</c>. Writes are also limited in how many run at once, since each holds its
/// request body in memory.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Search:RateLimits";

    /// <summary>Searches and reads a client may make per second, sustained.</summary>
    [Range(1, 1_000_000)]
    public int SearchesPerSecond { get; set; } = 5_000;

    /// <summary>How many searches a client may make in a burst above the sustained rate.</summary>
    [Range(1, 1_000_000)]
    public int SearchBurst { get; set; } = 10_000;

    /// <summary>Write requests a client may make per second, sustained.</summary>
    [Range(1, 100_000)]
    public int WritesPerSecond { get; set; } = 20;

    [Range(1, 100_000)]
    public int WriteBurst { get; set; } = 40;

    /// <summary>Write requests handled at once across all clients; more wait in a short queue, then get 429.</summary>
    [Range(1, 1_000)]
    public int ConcurrentWrites { get; set; } = 4;

    [Range(0, 10_000)]
    public int WriteQueue { get; set; } = 32;

    /// <summary>Switch limiting off altogether (benchmarks on a trusted network).</summary>
    public bool Enabled { get; set; } = true;
}
