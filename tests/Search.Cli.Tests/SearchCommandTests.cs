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
        await cli.Service.WaitUntilIndexedAsync(documents.Count);

        var (exitCode, output) = await cli.RunAsync("search", word);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Id", output);
        foreach (var document in documents)
            Assert.Contains(document.Id, output);
    }
}
