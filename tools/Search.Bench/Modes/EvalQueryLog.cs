using Search.Bench.Support;
using Search.Client;
using Search.Evaluation;

namespace Search.Bench.Modes;

/// <summary>
/// The second query log: the questions of a judged set (dev-eval's <c>queries.jsonl</c>) as the
/// evaluation sends them, plain words, top N, no snippets, so their latency can be set beside the
/// Java peer's on the same questions.
/// </summary>
public static class EvalQueryLog
{
    public static int Run(Arguments options)
    {
        var size = options.Int("size", 100);
        var lines = EvaluationFiles.ReadQueries(options.Required("queries"))
            .Select(query => PlainTextQuery.Escape(query.Text))
            .Where(text => text.Length > 0)
            .Select(text => $"q={Uri.EscapeDataString(text)}&size={size}&snippets=false")
            .ToList();
        File.WriteAllLines(options.Required("out"), lines);
        Console.WriteLine($"evallog queries={lines.Count} out={options.Required("out")}");
        return 0;
    }
}
