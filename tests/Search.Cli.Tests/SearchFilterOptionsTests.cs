using Search.Api.Tests.TestSupport;
using Search.Cli.Tests.TestSupport;

namespace Search.Cli.Tests;

/// <summary><c>Search.Cli search</c>'s filters that <c>export</c> shares (<c>SearchFilters</c>) reach the service: <c>--speaker</c>, <c>--in-quotes</c>.</summary>
[Collection(ProcessCollection.Name)]
public sealed class SearchFilterOptionsTests(CliService cli) : IClassFixture<CliService>
{
    [Fact]
    public async Task The_speaker_and_in_quotes_filters_reach_the_search()
    {
        var word = Statements.UniqueWord();
        var (quoted, about) = ($"{word}-quoted", $"{word}-about");
        var documents = new[]
        {
            Statements.Doc(quoted, $"وقال دميتري بيسكوف: \"المفاوضات {word} متوقفة الآن\"."),
            Statements.Doc(about, $"كتبت الصحف عن دميتري بيسكوف والمفاوضات {word} أمس."),
        };
        using (var response = await cli.Service.Client.PostBatchAsync(documents))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await cli.Service.WaitUntilIndexedAsync(documents.Length);

        var (all, allOutput) = await cli.RunAsync("search", word, "--all-copies");
        var (inQuotes, quotesOutput) = await cli.RunAsync("search", word, "--in-quotes", "--all-copies");
        var (bySpeaker, speakerOutput) = await cli.RunAsync("search", "", "--speaker", "دميتري بيسكوف", "--all-copies", "--size", "100");

        Assert.True(all == 0 && inQuotes == 0 && bySpeaker == 0, allOutput + quotesOutput + speakerOutput);
        Assert.Contains(about, allOutput);
        Assert.Contains(quoted, quotesOutput);
        Assert.DoesNotContain(about, quotesOutput);
        Assert.Contains(quoted, speakerOutput);
        Assert.DoesNotContain(about, speakerOutput);
    }
}
