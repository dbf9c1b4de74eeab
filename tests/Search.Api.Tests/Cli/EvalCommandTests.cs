using System.Diagnostics;
using Search.Api.Tests.TestSupport;
using static Search.Api.Tests.TestSupport.ServiceCalls;

namespace Search.Api.Tests.Cli;

/// <summary>
/// <c>Search.Cli eval</c> as a user runs it: a real service process holding documents, the CLI as
/// another process, a query file and judgments written for the test; the scores it prints and the
/// run it writes are checked against what the judgments make them.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class EvalCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "Search.Cli.dll");

    [Fact]
    public async Task Eval_prints_the_scores_of_the_judged_queries_and_writes_the_run()
    {
        using var service = new ServiceProcess(Path.Combine(_folder.Path, "data"), Path.Combine(_folder.Path, "service.log"));
        await service.StartAsync();
        await service.IngestAsync("e", batches: 1, size: 50);
        await service.WaitUntilIndexedAsync(50);

        // Two queries find their judged documents first; the third's judged document holds none of its words.
        var queries = Path.Combine(_folder.Path, "queries.jsonl");
        File.WriteAllLines(queries,
        [
            $$"""{"qid":"q1","query":"{{Token("e", 0, 3)}}"}""",
            $$"""{"qid":"q2","query":"\"{{Token("e", 0, 7)}}\" OR {{Token("e", 0, 8)}}"}""",
            """{"qid":"q3","query":"كلمة لا توجد أبدا"}""",
        ]);
        var qrels = Path.Combine(_folder.Path, "qrels.tsv");
        File.WriteAllLines(qrels, [$"q1\t{Id("e", 0, 3)}\t1", $"q2\t{Id("e", 0, 7)}\t1", $"q2\t{Id("e", 0, 8)}\t1", $"q3\t{Id("e", 0, 1)}\t1"]);
        var run = Path.Combine(_folder.Path, "run.tsv");

        var (exitCode, output) = await RunCliAsync("eval", "--url", service.BaseAddress!.ToString(), "--queries", queries, "--qrels", qrels, "--run", run);

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{output}");
        Assert.Contains("nDCG@10", output);
        Assert.Contains("0.6667", output);
        var lines = File.ReadAllLines(run).Select(l => l.Split('\t')).ToList();
        Assert.Contains(lines, l => l is ["q1", var doc, "1"] && doc == Id("e", 0, 3));
        Assert.Equal([Id("e", 0, 7), Id("e", 0, 8)], lines.Where(l => l[0] == "q2").Select(l => l[1]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(lines, l => l[0] == "q3");
    }

    private async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        Assert.True(File.Exists(CliDll), $"{CliDll} is missing: the test project should reference Search.Cli");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
