using Search.Api.Tests.TestSupport;
using Search.Cli.Tests.TestSupport;

namespace Search.Cli.Tests;

/// <summary><c>Search.Cli search</c> names every hit by its id, which <c>GET /api/documents/{id}</c> takes.</summary>
[Collection(ProcessCollection.Name)]
public sealed class SearchCommandTests(CliService cli) : IClassFixture<CliService>
{
    [Fact]
    public async Task Every_hit_is_listed_with_its_id()
    {
        var word = Statements.UniqueWord();
        var documents = Enumerable.Range(1, 3).Select(i => Statements.Doc($"{word}-{i}", $"بيان رقم {i} {word}")).ToList();
        using (var response = await cli.Service.Client.PostBatchAsync(documents))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await cli.Service.WaitUntilIndexedAsync();

        var (exitCode, output) = await cli.RunAsync("search", word);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Id", output);
        foreach (var document in documents)
            Assert.Contains(document.Id, output);
    }

    [Fact]
    public async Task On_an_80_column_terminal_each_hit_shows_its_id_date_source_and_title_whole()
    {
        var word = Statements.UniqueWord();
        // Two different statements: near copies of one would be one story, and the search shows a story once.
        string[] bodies = [$"بيان {word} عن خطة وزارة النقل لتطوير الطرق السريعة في الشمال", $"أعلن المكتب في {word} افتتاح جسر جديد فوق النهر بعد سنتين من العمل"];
        var documents = Enumerable.Range(1, 2).Select(i => Statements.Doc($"{word}-narrow-{i}", bodies[i - 1],
            $"2021-0{i}-15", "المكتب الإعلامي لوزارة النقل", $"وزارة النقل تعلن خطة الطرق رقم {i}")).ToList();
        using (var response = await cli.Service.Client.PostBatchAsync(documents))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await cli.Service.WaitUntilIndexedAsync();

        var (exitCode, output) = await cli.RunNarrowAsync(80, "search", word);

        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd('\r').Length <= 80, $"a line wider than the console: {line}"));
        foreach (var document in documents)
        {
            Assert.Contains(lines, line => line.Contains(document.Id) && line.Contains(document.Date!) && line.Contains(document.Source));
            Assert.Contains(lines, line => line.Contains(document.Title));
        }
    }
}
