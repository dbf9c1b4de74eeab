using System.Diagnostics;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Retrieval;
using Search.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace Search.Core.Tests.Retrieval;

/// <summary>
/// The same random text as <see cref="UserQueryParserFuzzTests"/>, but searched for in a real
/// index: parsing, analysis, the Lucene query, the facets and the snippets either answer or refuse
/// the text with a <see cref="QuerySyntaxException"/>, and never take a second.
/// </summary>
public sealed class SearchQueryFuzzTests(ITestOutputHelper output) : IDisposable
{
    public const int Seed = 8_2025;

    private const int Cases = 3_000;

    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(1);

    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Random_text_is_searched_or_refused_with_a_QuerySyntaxException()
    {
        output.WriteLine($"seed {Seed}, {Cases} cases");
        var engine = _folder.OpenEngineWith(ArabicStatements.All);
        var random = new RandomQueryText(Seed);
        var options = new Random(Seed);
        engine.Search(new SearchRequest("وزير")); // warm-up: the first search opens the searcher
        var (answered, refused, slowest) = (0, 0, TimeSpan.Zero);
        for (var i = 0; i < Cases; i++)
        {
            var text = random.Next();
            var request = new SearchRequest(text,
                Sort: (SortOrder)options.Next(3),
                Size: options.Next(1, SearchRequest.MaxSize + 1),
                Interval: (DateInterval)options.Next(3));
            var where = $"seed {Seed}, case {i}: \"{RandomQueryText.Escape(text)}\"";
            var clock = Stopwatch.StartNew();
            var outcome = Outcome(engine, request);
            var elapsed = clock.Elapsed;
            if (elapsed >= PerCase)
            {
                // Timed again, so that a pause of this busy machine is not taken for a slow search.
                clock.Restart();
                Outcome(engine, request);
                elapsed = clock.Elapsed;
            }
            slowest = elapsed > slowest ? elapsed : slowest;
            Assert.True(outcome is "answered" or "refused", $"{where}: {outcome}");
            Assert.True(elapsed < PerCase, $"{where}: took {elapsed.TotalMilliseconds} ms");
            if (outcome == "answered") answered++;
            else refused++;
        }
        output.WriteLine($"{answered} answered, {refused} refused, slowest {slowest.TotalMilliseconds:F1} ms");
        Assert.True(answered > Cases / 10, $"only {answered} of {Cases} were answered");
    }

    private static string Outcome(SearchEngine engine, SearchRequest request)
    {
        try
        {
            var result = engine.Search(request);
            Assert.True(result.Total >= 0 && result.Hits.Count <= request.Size);
            foreach (var hit in result.Hits)
                Assert.NotNull(hit.Snippet);
            return "answered";
        }
        catch (QuerySyntaxException)
        {
            return "refused";
        }
        catch (Exception e)
        {
            return $"threw {e.GetType().FullName}: {e.Message}";
        }
    }
}
