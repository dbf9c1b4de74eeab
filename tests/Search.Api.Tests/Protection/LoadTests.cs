using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;
using Xunit.Abstractions;
using Search.Api.Tests.Search;

namespace Search.Api.Tests.Protection;

/// <summary>
/// Fifty clients at once for a while, mixing searches (random Arabic words, filters, facets,
/// sorts, pages) with valid and invalid writes (documents and statement pages) and reads: no 5xx, searches keep answering all the
/// way through, memory stays bounded, and afterwards the archive holds exactly the seed plus the
/// documents of the accepted writes, all of them searchable.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    /// <summary>How long the clients run; the issue asks for a minute, CI gets less.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    public const int Clients = 50;

    public const int Seed = 8_2027;

    /// <summary>No stretch of the run this long may pass without a search answered.</summary>
    private static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Bounds on memory. The process also runs the other test classes, so its working set says
    /// little by itself: what the run adds to it, and the managed heap left after it, say more.
    /// </summary>
    private const long MaxWorkingSetGrowthBytes = 1_024L * 1024 * 1024;

    private const long MaxManagedHeapBytes = 1_500L * 1024 * 1024;

    private static readonly string[] Words =
        ["وزير", "الخارجية", "بيان", "الحكومة", "القاهرة", "الانتخابات", "الأمريكية", "الامريكية", "مؤتمر", "الرئيس", "زيارة", "رسمية", "الطاقة", "المزارعين", "مدرسة", "الاتفاق", "في", "كوفيد", "الصحة", "اقتصاد"];

    private static readonly string[] Sources = ["وكالة الأنباء", "الجريدة الرسمية", "صحيفة الصباح"];

    [Fact]
    public async Task Fifty_clients_mixing_searches_and_writes_get_no_5xx_and_lose_nothing()
    {
        output.WriteLine($"seed {Seed}, {Clients} clients for {Duration.TotalSeconds} s");
        await using var service = HostileApiFactory.Create();
        var seed = Enumerable.Range(0, 200).Select(i => Document(new Random(Seed + i), $"seed-{i}")).ToList();
        await (await service.CreateCheckedClient().PostNdjsonAsync(seed, wait: true)).ReadAcceptedAsync();
        var marker = Statements.UniqueWord();
        var before = Process.GetCurrentProcess();
        GC.Collect();
        before.Refresh();
        var workingSetBefore = before.WorkingSet64;

        var run = new Run(Stopwatch.StartNew());
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => ClientAsync(service, c, marker, run)));
        var elapsed = run.Clock.Elapsed;

        var after = Process.GetCurrentProcess();
        after.Refresh();
        var workingSetAfter = after.WorkingSet64;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{run.Searches} searches (slowest {run.SlowestSearch.TotalMilliseconds:F0} ms), {run.Accepted.Count} writes accepted "
            + $"({run.AcceptedDocuments} documents), {run.Refused} refused, {run.Reads} reads in {elapsed.TotalSeconds:F1} s; "
            + $"working set {workingSetBefore >> 20} MB before, {workingSetAfter >> 20} MB after; managed heap {heapAfter >> 20} MB after");

        Assert.Empty(run.Failures.Take(10));
        Assert.True(run.Searches > Clients, $"only {run.Searches} searches were answered");
        Assert.True(run.Accepted.Count > 0 && run.Refused > 0, "the mix held no accepted or no refused writes");
        var answered = run.SearchAnswers.OrderBy(t => t).ToList();
        var gaps = answered.Zip(answered.Skip(1), (a, b) => b - a).Append(answered[0]).Append(elapsed - answered[^1]);
        Assert.True(gaps.Max() < MaxSilence, $"searches went unanswered for {gaps.Max().TotalSeconds:F1} s");
        Assert.True(workingSetAfter - workingSetBefore < MaxWorkingSetGrowthBytes, $"working set grew from {workingSetBefore >> 20} MB to {workingSetAfter >> 20} MB");
        Assert.True(heapAfter < MaxManagedHeapBytes, $"managed heap {heapAfter >> 20} MB after the run");

        // Nothing lost, nothing extra: the archive holds the seed and the accepted documents, and the index finds them.
        Assert.Equal(seed.Count + run.AcceptedDocuments, service.Engine.Stats().ArchiveDocuments);
        foreach (var id in run.Accepted.SelectMany(ids => ids))
            Assert.NotNull(service.Engine.Get(id));
        foreach (var id in run.RefusedIds)
            Assert.Null(service.Engine.Get(id));
        var api = service.CreateApi();
        var found = await Poll.UntilAsync(() => api.SearchAsync(new SearchQuery { Q = marker, Size = 1 }), r => r.Total == run.AcceptedDocuments,
            TimeSpan.FromSeconds(30));
        Assert.Equal(run.AcceptedDocuments, found.Total);
    }

    private static async Task ClientAsync(HostileApiFactory service, int number, string marker, Run run)
    {
        var random = new Random(Seed * 100 + number);
        var client = service.CreateCheckedClient();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        while (run.Clock.Elapsed < Duration)
        {
            var roll = random.Next(100);
            try
            {
                if (roll < 70)
                {
                    var uri = SearchUri(random);
                    var clock = Stopwatch.StartNew();
                    using var response = await client.GetAsync(uri);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        run.Failures.Add($"{uri}: {(int)response.StatusCode} {text}");
                        continue;
                    }
                    JsonSerializer.Deserialize<SearchResponse>(text, json);
                    run.Answered(clock.Elapsed);
                }
                else if (roll < 76)
                {
                    var page = $"بيان رقم {Guid.NewGuid():N}\n\n{Document(random, "x").Body} {marker}\n";
                    using var response = await client.PostAsync("/api/pages?name=load.txt", new StringContent(page, Encoding.UTF8, "text/plain"));
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == HttpStatusCode.OK)
                        run.Accepted.Add(JsonSerializer.Deserialize<IngestReport>(text, json)!.Pages.Where(p => p.Status != IngestedPage.Refused).Select(p => p.Id!).ToList());
                    else
                        run.Failures.Add($"a page: {(int)response.StatusCode} {text}");
                }
                else if (roll < 84)
                {
                    var documents = Enumerable.Range(0, random.Next(1, 6))
                        .Select(_ => Document(random, Statements.UniqueId($"load-{number}"), marker)).ToList();
                    using var response = await client.PostNdjsonAsync(documents);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                        run.Accepted.Add(documents.Select(d => d.Id).ToList());
                    else
                        run.Failures.Add($"a valid write: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                else if (roll < 94)
                {
                    var good = Document(random, Statements.UniqueId($"refused-{number}"), marker);
                    var bad = Invalid(random);
                    using var response = await client.PostDocumentsAsync(Encoding.UTF8.GetBytes(Statements.ToJson(good) + "\n" + bad + "\n"), "application/x-ndjson");
                    if (response.StatusCode == HttpStatusCode.BadRequest)
                    {
                        run.RefusedIds.Add(good.Id);
                        Interlocked.Increment(ref run.RefusedCount);
                    }
                    else
                    {
                        run.Failures.Add($"an invalid write ({bad}): {(int)response.StatusCode}");
                    }
                }
                else
                {
                    var id = random.Next(3) == 0 ? "no-such-document" : $"seed-{random.Next(200)}";
                    using var response = await client.GetAsync($"/api/documents/{id}");
                    if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound) || (id.StartsWith("seed-") && response.StatusCode != HttpStatusCode.OK))
                        run.Failures.Add($"GET {id}: {(int)response.StatusCode}");
                    Interlocked.Increment(ref run.ReadCount);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // ResponseCheck throws on a 5xx or a leak: recorded, and the client goes on.
                run.Failures.Add($"client {number}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static string SearchUri(Random random)
    {
        var words = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Words[random.Next(Words.Length)]).ToList();
        var q = random.Next(8) switch
        {
            0 when words.Count >= 2 => $"\"{words[0]} {words[1]}\"",
            1 when words.Count >= 2 => $"{words[0]} OR {words[1]}",
            2 when words.Count >= 2 => $"{words[0]} -{words[1]}",
            _ => string.Join(' ', words),
        };
        var query = new StringBuilder($"/api/search?q={Uri.EscapeDataString(q)}");
        if (random.Next(3) == 0)
            query.Append($"&from={2019 + random.Next(3)}-0{1 + random.Next(9)}-01&to={2022 + random.Next(3)}-12-31");
        if (random.Next(4) == 0)
            query.Append($"&source={Uri.EscapeDataString(Sources[random.Next(Sources.Length)])}");
        query.Append($"&sort={new[] { "relevance", "newest", "oldest" }[random.Next(3)]}");
        query.Append($"&interval={new[] { "year", "month", "day" }[random.Next(3)]}");
        query.Append($"&size={random.Next(1, 51)}&page={random.Next(1, 4)}");
        return query.ToString();
    }

    private static ArchiveDocument Document(Random random, string id, string? marker = null)
    {
        var body = string.Join(' ', Enumerable.Range(0, random.Next(10, 60)).Select(_ => Words[random.Next(Words.Length)]));
        var date = random.Next(10) == 0 ? null : new DateOnly(2019, 1, 1).AddDays(random.Next(2000)).ToString("yyyy-MM-dd");
        return Statements.Doc(id, marker is null ? body : $"{body} {marker}", date, Sources[random.Next(Sources.Length)], Words[random.Next(Words.Length)]);
    }

    private static string Invalid(Random random) => random.Next(6) switch
    {
        0 => """{"id": "x", "body": """,
        1 => """{"id": "x"}""",
        2 => """{"id": 1.5, "body": "نص"}""",
        3 => """{"id": "x", "body": "نص", "date": "2021-02-30"}""",
        4 => """{"id": "x", "body": 7}""",
        _ => "null",
    };

    private sealed class Run(Stopwatch clock)
    {
        private long _slowestTicks;
        private long _searches;

        public int RefusedCount;
        public int ReadCount;

        public Stopwatch Clock { get; } = clock;

        public ConcurrentBag<string> Failures { get; } = [];

        public ConcurrentBag<List<string>> Accepted { get; } = [];

        public ConcurrentBag<string> RefusedIds { get; } = [];

        public ConcurrentBag<TimeSpan> SearchAnswers { get; } = [];

        public long Searches => Interlocked.Read(ref _searches);

        public int Refused => Volatile.Read(ref RefusedCount);

        public int Reads => Volatile.Read(ref ReadCount);

        public int AcceptedDocuments => Accepted.Sum(ids => ids.Count);

        public TimeSpan SlowestSearch => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

        public void Answered(TimeSpan took)
        {
            Interlocked.Increment(ref _searches);
            SearchAnswers.Add(Clock.Elapsed);
            long current;
            while (took.Ticks > (current = Interlocked.Read(ref _slowestTicks)) && Interlocked.CompareExchange(ref _slowestTicks, took.Ticks, current) != current)
            {
            }
        }
    }
}
