using Search.Core.Stories;

namespace Search.Core.Tests.Stories;

public sealed class StoryTimelineTests
{
    [Fact]
    public void The_first_carrier_leads_and_followers_count_days_after_it()
    {
        var steps = StoryTimeline.Of(
        [
            new StoryCarrier("c", "Okaz", new DateOnly(2015, 7, 25)),
            new StoryCarrier("u", "Sabq", null),
            new StoryCarrier("a", "SPA", new DateOnly(2015, 7, 23)),
            new StoryCarrier("b", "Al-Riyadh", new DateOnly(2015, 7, 23)),
        ]);

        Assert.Equal(["a", "b", "c", "u"], steps.Select(s => s.Carrier.Id));
        Assert.Equal([true, false, false, false], steps.Select(s => s.First));
        Assert.Equal([0, 0, 2, (int?)null], steps.Select(s => s.DaysAfterFirst));
    }

    [Fact]
    public void No_carriers_no_timeline() => Assert.Empty(StoryTimeline.Of([]));
}
