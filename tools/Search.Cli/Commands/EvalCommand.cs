using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Refit;
using Search.Client;
using Search.Client.Contracts;
using Search.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>
/// Ranking evaluation against a running service, like Elasticsearch's ranking-evaluation API: runs every
/// query of a set through <c>GET /api/search</c> as plain words, writes the run, and prints nDCG@10,
/// MRR@10, Recall@100 and MAP@100 against the judgments (computed as dev-eval's <c>score.py</c> does).
/// </summary>
public sealed class EvalCommand : ServiceCommand<EvalCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--queries <FILE>")]
        [Description("Queries: JSON Lines {\"qid\",\"query\"} or TSV qid<TAB>query")]
        public string Queries { get; set; } = "";

        [CommandOption("--qrels <FILE>")]
        [Description("Judgments: qid<TAB>docid<TAB>grade (or TREC's qid 0 docid grade)")]
        public string Qrels { get; set; } = "";

        [CommandOption("--run <FILE>")]
        [Description("Where to write the run (qid<TAB>docid<TAB>rank). Default: <queries file>.run.tsv in the current folder")]
        public string? Run { get; set; }

        [CommandOption("--size <N>")]
        [Description("Hits asked for per query, 1 to 100")]
        [DefaultValue(100)]
        public int Size { get; set; } = 100;

        [CommandOption("--parallel <N>")]
        [Description("Queries in flight at once")]
        [DefaultValue(4)]
        public int Parallel { get; set; } = 4;

        public string RunPath => Run ?? Path.GetFileNameWithoutExtension(Queries) + ".run.tsv";

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Queries) || !File.Exists(Queries))
                return ValidationResult.Error($"--queries: '{Queries}' is not a file.");
            if (string.IsNullOrWhiteSpace(Qrels) || !File.Exists(Qrels))
                return ValidationResult.Error($"--qrels: '{Qrels}' is not a file.");
            if (Size is < 1 or > 100)
                return ValidationResult.Error("--size must be between 1 and 100.");
            if (Parallel is < 1 or > 64)
                return ValidationResult.Error("--parallel must be between 1 and 64.");
            return base.Validate();
        }
    }

    private sealed record QueryResult(string Id, IReadOnlyList<string> Docs, double Milliseconds, string? Error);

    protected override async Task<int> RunAsync(ISearchApi api, Settings settings, CancellationToken cancellationToken)
    {
        List<EvaluationQuery> queries;
        Dictionary<string, IReadOnlyDictionary<string, int>> qrels;
        try
        {
            queries = EvaluationFiles.ReadQueries(settings.Queries);
            qrels = EvaluationFiles.ReadQrels(settings.Qrels);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return 1;
        }

        var results = new QueryResult[queries.Count];
        await AnsiConsole.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"{queries.Count:N0} queries", maxValue: queries.Count);
                await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, queries.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = settings.Parallel, CancellationToken = cancellationToken },
                    async (i, token) =>
                    {
                        results[i] = await SearchAsync(api, queries[i], settings.Size, token);
                        task.Increment(1);
                    });
            });

        EvaluationFiles.WriteRun(settings.RunPath, results.Select(r => (r.Id, r.Docs)));
        var scores = RelevanceMetrics.Score(results.ToDictionary(r => r.Id, r => r.Docs), qrels);
        Report(settings, queries.Count, results, scores);
        return results.Any(r => r.Error is not null) ? 1 : 0;
    }

    private static async Task<QueryResult> SearchAsync(ISearchApi api, EvaluationQuery query, int size, CancellationToken cancellationToken)
    {
        var text = PlainTextQuery.Escape(query.Text);
        if (text.Length == 0)
            return new QueryResult(query.Id, [], 0, null);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Passages are judged one by one, copies of one story too: every document is ranked, none collapsed.
            var response = await api.SearchAsync(new SearchQuery { Q = text, Size = size, Page = 1, Sort = "relevance", Snippets = false, Collapse = "none" }, cancellationToken);
            return new QueryResult(query.Id, response.Hits.Select(h => h.Id).ToList(), Stopwatch.GetElapsedTime(started).TotalMilliseconds, null);
        }
        catch (ApiException e)
        {
            // One refused query is reported and scores zero; the others still count.
            return new QueryResult(query.Id, [], Stopwatch.GetElapsedTime(started).TotalMilliseconds, $"{(int)e.StatusCode} {e.Content ?? e.Message}");
        }
    }

    private static void Report(Settings settings, int queryCount, QueryResult[] results, RelevanceScores scores)
    {
        var latencies = results.Where(r => r.Error is null && r.Milliseconds > 0).Select(r => r.Milliseconds).Order().ToList();
        string Ms(double fraction) => latencies.Count == 0 ? "-" : latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * fraction))].ToString("F1", CultureInfo.InvariantCulture);
        string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Judged queries", "nDCG@10", "MRR@10", "Recall@100", "MAP@100", "p50 ms", "p99 ms")
            .AddRow($"{scores.Queries:N0}", F(scores.NdcgAt10), F(scores.MrrAt10), F(scores.RecallAt100), F(scores.MapAt100), Ms(0.5), Ms(0.99));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{queryCount:N0} queries run against {Markup.Escape(settings.ServiceUrl)}; run written to [bold]{Markup.Escape(settings.RunPath)}[/]");
        var failed = results.Where(r => r.Error is not null).ToList();
        if (failed.Count == 0)
            return;
        AnsiConsole.MarkupLine($"[red]{failed.Count} queries were refused[/] (they score zero), e.g.:");
        foreach (var failure in failed.Take(5))
            AnsiConsole.MarkupLine($"  {Markup.Escape(failure.Id)}: {Markup.Escape(failure.Error!.Length > 200 ? failure.Error[..200] : failure.Error)}");
    }
}
