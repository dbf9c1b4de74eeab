using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Search.Client.Contracts;

namespace Search.Api.Tests.TestSupport;

/// <summary>Generated Arabic statements with a word each of its own, and the calls the durability tests make.</summary>
public static class ServiceCalls
{
    public const string AllDates = "from=1900-01-01&to=2100-12-31";

    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    public static readonly string[] Words =
    [
        "السعودية", "النفط", "الرئيس", "كرة", "اليمن", "الاقتصاد", "الحكومة", "وزير", "الخارجية",
        "بيان", "المؤتمر", "العاصمة", "التعاون", "الزراعة", "المدارس", "الانتخابات", "السفارة", "الطاقة",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Id(string prefix, int batch, int i) => $"{prefix}-{batch}-{i}";

    /// <summary>The word only that document holds (Latin letters and digits pass the analyzer as they are).</summary>
    public static string Token(string prefix, int batch, int i) => $"tok{prefix}{batch}x{i}y";

    public static ArchiveDocument Document(string prefix, int batch, int i)
    {
        var n = batch * 1_000 + i;
        var words = string.Join(' ', Enumerable.Range(0, 30).Select(k => Words[(n * 7 + k * 5) % Words.Length]));
        return new ArchiveDocument(Id(prefix, batch, i), $"بيان {n}", new DateOnly(2015, 1, 1).AddDays(n % 3_000).ToString("yyyy-MM-dd"),
            $"{words} {Token(prefix, batch, i)}.", "وكالة الأنباء", "ar", null, null);
    }

    public static IReadOnlyList<ArchiveDocument> Batch(string prefix, int batch, int size) =>
        Enumerable.Range(0, size).Select(i => Document(prefix, batch, i)).ToList();

    public static Task<HttpResponseMessage> PostBatchAsync(this HttpClient client, IReadOnlyList<ArchiveDocument> documents)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Statements.ToNdjson(documents)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-ndjson");
        return client.PostAsync("/api/documents", content);
    }

    /// <summary>Posts the batches one after the other, each of which must be acknowledged.</summary>
    public static async Task IngestAsync(this ServiceProcess service, string prefix, int batches, int size)
    {
        for (var b = 0; b < batches; b++)
        {
            using var response = await service.Client.PostBatchAsync(Batch(prefix, b, size));
            Assert.True(response.StatusCode == HttpStatusCode.Accepted,
                $"batch {b}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{service.LogTail()}");
        }
    }

    public static async Task<T> GetAsync<T>(this ServiceProcess service, string uri)
    {
        using var response = await service.Client.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {uri}: {(int)response.StatusCode} {text}\n{service.LogTail()}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    public static Task<AdminStats> StatsAsync(this ServiceProcess service) => service.GetAsync<AdminStats>("/api/admin/stats");

    public static Task<ReindexStatus> JobAsync(this ServiceProcess service, string jobId) => service.GetAsync<ReindexStatus>($"/api/admin/reindex/{jobId}");

    /// <summary>Every dated document the index serves.</summary>
    public static async Task<long> TotalAsync(this ServiceProcess service) =>
        (await service.GetAsync<SearchResponse>($"/api/search?{AllDates}&size=1")).Total;

    public static async Task<long> TokenTotalAsync(this ServiceProcess service, string token) =>
        (await service.GetAsync<SearchResponse>($"/api/search?q={Uri.EscapeDataString(token)}&size=2")).Total;

    /// <summary>Starts a reindex, which must be accepted, and returns its job id.</summary>
    public static async Task<string> StartReindexAsync(this ServiceProcess service)
    {
        using var response = await service.Client.PostAsync("/api/admin/reindex", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/admin/reindex: {(int)response.StatusCode} {text}\n{service.LogTail()}");
        var started = Read<ReindexStarted>(text);
        Assert.False(string.IsNullOrEmpty(started.JobId));
        Assert.EndsWith($"/api/admin/reindex/{started.JobId}", response.Headers.Location?.ToString());
        return started.JobId;
    }

    /// <summary>Polls the job until it is no longer running; the values of <c>processed</c> seen go to <paramref name="processedSeen"/>.</summary>
    public static async Task<ReindexStatus> WaitForJobAsync(this ServiceProcess service, string jobId, ISet<long>? processedSeen = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = await service.JobAsync(jobId);
            processedSeen?.Add(job.Processed);
            if (job.State != "running")
                return job;
            Assert.True(clock.Elapsed < Generous, $"reindex {jobId} still running after {clock.Elapsed}: {job.Processed} of {job.Total}\n{service.LogTail()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls the stats until the index holds the whole archive (and nothing is pending).</summary>
    public static async Task<AdminStats> WaitUntilIndexedAsync(this ServiceProcess service, long? archiveDocuments = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var stats = await service.StatsAsync();
            if (stats.Pending == 0 && stats.IndexDocuments == stats.ArchiveDocuments && (archiveDocuments is null || stats.ArchiveDocuments == archiveDocuments))
                return stats;
            Assert.True(clock.Elapsed < Generous, $"the index did not catch up within {Generous}: {stats}\n{service.LogTail()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Polls until the condition holds, failing with <paramref name="what"/> and the service's log when time is up.</summary>
    public static async Task UntilAsync(this ServiceProcess service, Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Generous, $"timed out waiting until {what}\n{service.LogTail()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Runs <paramref name="probe"/> over the items, <paramref name="parallel"/> at a time.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, int parallel, Func<T, Task> probe) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, _) => await probe(item));

    public static string GenerationFolder(string dataPath, long generation) =>
        Path.Combine(dataPath, "generations", generation.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string[] GenerationFolders(string dataPath) =>
        Directory.EnumerateDirectories(Path.Combine(dataPath, "generations")).Select(p => Path.GetFileName(p)!).Order().ToArray();

    public static long CurrentGenerationOnDisk(string dataPath) =>
        long.Parse(File.ReadAllText(Path.Combine(dataPath, "generations", "current")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
