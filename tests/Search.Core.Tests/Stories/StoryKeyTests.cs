using Search.Core.Stories;

namespace Search.Core.Tests.Stories;

public sealed class StoryKeyTests
{
    [Fact]
    public void A_key_reads_back_from_its_text()
    {
        var key = StoryKey.ForFirstCarrier("snn-2015-07-24-00013");

        Assert.True(StoryKey.TryParse(StoryKey.Format(key), out var read));
        Assert.Equal(key, read);
        Assert.Equal(16, StoryKey.Format(key).Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0000000000000000")]
    [InlineData("xyz")]
    [InlineData("12345678901234567")]
    [InlineData("g123456789012345")]
    public void Anything_else_is_refused_without_throwing(string? text) =>
        Assert.False(StoryKey.TryParse(text, out _));
}
