using System.Diagnostics;
using System.Globalization;
using Search.Bench.Support;
using Search.Client;
using Search.Client.Contracts;
using Search.Core;

namespace Search.Bench.Modes;

/// <summary>
/// Replays a query log against a running service with N concurrent clients for a while; with <c>--ingest-every</c>,
/// while corpus articles are posted one at a time under new ids, so that searches meet the readers each new document
/// opens, as they do in a service that takes statements while it is searched.
/// </summary>
public static class LoadMode
{
    public static async Task<int> RunAsync(Arguments options)
    {
        var baseUrl = new Uri(options.Required("url"));
        var lines = QueryLog.Read(options.Required("log"));
        var clients = options.Int("clients", 8);
        var duration = TimeSpan.FromSeconds(options.Double("seconds", 20));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = baseUrl };

        await Replay(http, lines, clients, TimeSpan.FromSeconds(3), new Latencies());
        var latencies = new Latencies();
        using var stop = new CancellationTokenSource();
        var posting = options.Has("ingest-every")
            ? Ingest(baseUrl, options.Required("key"), CorpusFiles.Read(Corpus(options)), TimeSpan.FromSeconds(options.Double("ingest-every", 1)), stop.Token)
            : Task.FromResult(0);
        var (elapsed, failures) = await Replay(http, lines, clients, duration, latencies);
        await stop.CancelAsync();
        var posted = await posting;
        Console.WriteLine($"load clients={clients} failures={failures} {latencies.Summary(elapsed)}" + (options.Has("ingest-every") ? $" posted={posted}" : ""));
        return failures == 0 ? 0 : 1;
    }

    private static IReadOnlyList<string> Corpus(Arguments options) =>
        options.All("corpus") is { Count: > 0 } files ? files : throw new ArgumentException("--ingest-every posts corpus articles: give their files with --corpus FILE...");

    /// <summary>Posts the articles one at a time through the service's client, each under a new id, one every <paramref name="every"/>; returns how many were accepted.</summary>
    private static async Task<int> Ingest(Uri baseUrl, string key, IEnumerable<DocumentRecord> articles, TimeSpan every, CancellationToken stop)
    {
        var api = SearchClientFactory.Create(baseUrl, key);
        var (posted, run) = (0, $"{DateTime.UtcNow:HHmmss}");
        using var timer = new PeriodicTimer(every);
        try
        {
            foreach (var article in articles)
            {
                await timer.WaitForNextTickAsync(stop);
                var document = new ArchiveDocument($"load-{run}-{posted}", article.Title,
                    article.Date?.ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture), article.Body, article.Source, article.Lang, article.Category, article.Url);
                using var content = NdjsonContent.FromDocuments([document]);
                await api.PostDocumentsAsync(content, stop);
                posted++;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        return posted;
    }

    private static async Task<(TimeSpan Elapsed, int Failures)> Replay(HttpClient http, IReadOnlyList<string> lines, int clients, TimeSpan duration, Latencies latencies)
    {
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var line = lines[(int)((uint)Interlocked.Increment(ref next) % lines.Count)];
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync("/api/search?" + line, HttpCompletionOption.ResponseContentRead);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref failures);
            }
        }));
        return (clock.Elapsed, failures);
    }
}
