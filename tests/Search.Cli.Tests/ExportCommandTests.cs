using System.Text;
using System.Text.Json;
using CsvHelper;
using Search.Api.Tests.TestSupport;
using Search.Cli.Tests.TestSupport;

namespace Search.Cli.Tests;

/// <summary><c>Search.Cli export</c> writes every match of a search to a file: CSV a CSV library reads back, or JSON Lines.</summary>
[Collection(ProcessCollection.Name)]
public sealed class ExportCommandTests(CliService cli) : IClassFixture<CliService>
{
    [Fact]
    public async Task Every_match_is_written_to_the_file_with_the_count_said()
    {
        var word = Statements.UniqueWord();
        var documents = Enumerable.Range(1, 620).Select(i => Statements.Doc($"{word}-{i}", $"بيان رقم {i} {word}\nسطر ثان، مع \"اقتباس\"",
            new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd"))).ToList();
        using (var response = await cli.Service.Client.PostBatchAsync(documents))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await cli.Service.WaitUntilIndexedAsync(documents.Count);

        var (exitCode, output) = await cli.RunAsync("export", word, "--out", "found.csv", "--body");

        Assert.True(exitCode == 0, output);
        Assert.Contains("620 documents written", output);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(cli.WorkingFolder, "found.csv"));
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var csv = CsvReader.Create(bytes, null);
        var ids = new List<string>();
        while (csv.Read())
        {
            ids.Add(csv.GetString("id"));
            Assert.Contains("\"اقتباس\"", csv.GetString("body"), StringComparison.Ordinal);
        }
        Assert.Equal(documents.Select(d => d.Id).Order(), ids.Order());
        Assert.False(File.Exists(Path.Combine(cli.WorkingFolder, "found.csv.partial")));

        var (jsonExit, jsonOutput) = await cli.RunAsync("export", word, "--format", "jsonl", "--order", "date", "--out", "found.jsonl");
        Assert.True(jsonExit == 0, jsonOutput);
        var lines = await File.ReadAllLinesAsync(Path.Combine(cli.WorkingFolder, "found.jsonl"));
        Assert.Equal(documents.Count, lines.Length);
        var dates = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task A_refused_export_says_why()
    {
        var (exitCode, output) = await cli.RunAsync("export", new string('x', 1_100));
        Assert.Equal(1, exitCode);
        Assert.Contains("q", output);
    }
}
