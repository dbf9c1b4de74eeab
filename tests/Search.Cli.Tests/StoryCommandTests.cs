using Search.Api.Tests.TestSupport;
using Search.Cli.Tests.TestSupport;
using Search.Client.Contracts;
using static Search.Api.Tests.TestSupport.ServiceCalls;

namespace Search.Cli.Tests;

/// <summary>
/// <c>search</c> shows a story's id and copies, <c>story</c> who carried it (the first one marked),
/// <c>related</c> a document's other copies first.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class StoryCommandTests(CliService cli) : IClassFixture<CliService>
{
    [Fact]
    public async Task A_story_is_shown_once_then_its_carriers_and_a_copys_related_documents()
    {
        var word = Statements.UniqueWord();
        string[] vocabulary = ["أعلنت", "الوزارة", "خطة", "جديدة", "لدعم", "المزارعين", "وقال", "المتحدث", "إن", "الحكومة", "ستخصص", "مبالغ", "للري", "والبذور", "خلال", "الموسم", "المقبل", "وأضاف", "أن", "البرنامج", "يشمل", "تدريب", "الفنيين", "وتحديث", "المعدات"];
        var random = new Random(Random.Shared.Next());
        var body = string.Join(' ', Enumerable.Range(0, 200).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + $" {word}.";
        var copies = new[]
        {
            Statements.Doc($"{word}-wire", body, "2021-03-01", "وكالة الأنباء", "الوزارة تعلن خطة"),
            Statements.Doc($"{word}-paper", body + " وكان الوزير قد زار المحافظة.", "2021-03-03", "صحيفة الصباح", "خطة للمزارعين"),
        };
        using (var response = await cli.Service.Client.PostBatchAsync(copies))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await cli.Service.WaitUntilIndexedAsync();
        var story = (await cli.Service.GetAsync<SearchResponse>($"/api/search?q={word}")).Hits.Single().Story!;

        var search = await cli.RunAsync("search", word);
        var carriers = await cli.RunAsync("story", story.Id);
        var related = await cli.RunAsync("related", copies[1].Id);

        Assert.True(search.ExitCode == 0, search.Output);
        Assert.Contains("2 copies", search.Output);
        Assert.Contains(story.Id, search.Output);
        Assert.True(carriers.ExitCode == 0, carriers.Output);
        Assert.Contains($"{copies[0].Id} (first)", carriers.Output);
        Assert.Contains(copies[1].Id, carriers.Output);
        Assert.True(related.ExitCode == 0, related.Output);
        Assert.Contains(copies[0].Id, related.Output);
        Assert.Contains("yes", related.Output);
    }

    [Fact]
    public async Task An_unknown_story_is_said_so_with_a_non_zero_exit()
    {
        var (exitCode, output) = await cli.RunAsync("story", "0123456789abcdef");

        Assert.Equal(1, exitCode);
        Assert.Contains("no story", output, StringComparison.OrdinalIgnoreCase);
    }
}
