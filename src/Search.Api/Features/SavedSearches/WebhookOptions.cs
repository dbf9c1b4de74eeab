using System.ComponentModel.DataAnnotations;

namespace Search.Api.Features.SavedSearches;

/// <summary>The <c>Search:Webhooks</c> section: where alerts may go, and how failed deliveries are retried.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Search:Webhooks";

    /// <summary>
    /// Hosts webhooks may name besides loopback (<c>localhost</c>, <c>127.0.0.1</c>, <c>::1</c>, always
    /// allowed): exact names or addresses, or <c>*.example.org</c> for a domain's hosts. None by default,
    /// so the service cannot be made to call into the network it sits in.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>The wait before the first retry of a failed delivery; each further one waits twice as long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between retries: a receiver down for a day is tried at least this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a receiver has to answer a delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long matching new documents against saved searches, and writing and sending their alerts, may
    /// wait for an ingest under way to pause (they yield to indexing, then match the whole ingest in fewer,
    /// larger rounds).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxMatchDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often new documents are matched and due alerts looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
