using Lucene.Net.Index;
using Search.Core.Retrieval;
using Search.Core.Retrieval.Collecting;
using Search.Core.Tests.TestSupport;

namespace Search.Core.Tests.Retrieval;

/// <summary>
/// The speakers of a whole reader are built when the reader opens, before searches move to it, once searches
/// count them: built by the first search after each refresh instead, they held up every search meanwhile. A
/// service that is not searched does not build them at each refresh.
/// </summary>
public sealed class SpeakersAfterRefreshTests : IDisposable
{
    private const string Peskov = "وقال المتحدث باسم الكرملين دميتري بيسكوف: \"المفاوضات متوقفة الآن\".";

    private const string Lavrov = "وأكد وزير الخارجية سيرغي لافروف أن الانسحاب ضروري.";

    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static DocumentRecord Statement(int i, string quote) => new($"st-{i}", $"تصريح عن المفاوضات {i}", new DateOnly(2022, 3, 1), quote, "وكالة");

    [Fact]
    public void A_refresh_builds_the_new_readers_speakers_once_searches_count_them()
    {
        using var engine = _folder.OpenEngineWith([Statement(1, Peskov)]);
        Assert.Equal([new Bucket("دميتري بيسكوف", 1)], engine.Search(new SearchRequest("المفاوضات", Collapse: false)).Facets.Speakers);

        engine.Accept([Statement(2, Lavrov)]);
        engine.CatchUp();

        Assert.True(ReaderSpeakers.WereAskedOf(CurrentReader(engine)), "the refreshed reader's speakers should be built before a search asks");
        Assert.Equal([new Bucket("دميتري بيسكوف", 1), new Bucket("سيرغي لافروف", 1)],
            engine.Search(new SearchRequest("المفاوضات", Collapse: false)).Facets.Speakers);
    }

    [Fact]
    public void Readers_no_search_counted_speakers_of_are_opened_without_them()
    {
        using var engine = _folder.OpenEngineWith([Statement(1, Peskov)]);
        engine.Accept([Statement(2, Lavrov)]);
        engine.CatchUp();

        Assert.False(ReaderSpeakers.WereAskedOf(CurrentReader(engine)));
    }

    private static IndexReader CurrentReader(SearchEngine engine)
    {
        using var lease = engine.Live.Acquire();
        using var searcher = lease.Index.AcquireSearcher();
        return searcher.Searcher.IndexReader;
    }
}
