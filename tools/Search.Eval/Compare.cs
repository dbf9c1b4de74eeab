using System.Globalization;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Evaluation;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;
using Search.Core.Index;
using Search.Core.Index.Storage;
using Search.Core.Text;

namespace Search.Eval;

/// <summary>
/// Question by question, two runs of one set side by side (ours and the Java peer's, as <c>table</c>
/// writes them): nDCG@10 per question word, then the questions one run answers much worse, each with
/// its analysed words, the rank of its first answer in both runs, and the titles of the answer and of
/// what ranked first instead, to find out why.
/// </summary>
internal static class Compare
{
    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        var queries = EvaluationFiles.ReadQueries(options.Required("queries"));
        var qrels = EvaluationFiles.ReadQrels(options.Required("qrels"));
        var ours = ReadRun(options.Required("ours"));
        var peer = ReadRun(options.Required("peer"));
        var top = int.Parse(options.Single("top") ?? "25", CultureInfo.InvariantCulture);
        var titles = Commands.ReadDocuments(options.All("docs")).ToDictionary(d => d.Id, d => d.Title, StringComparer.Ordinal);
        using var analyzer = Specs.CreateAnalyzer(options.Single("analysis") ?? "default", null);

        var rows = queries.Where(q => qrels.ContainsKey(q.Id)).Select(q =>
        {
            var relevant = qrels[q.Id];
            double Ndcg(Dictionary<string, List<string>> run) => RelevanceMetrics.ScoreQuery(run.GetValueOrDefault(q.Id) ?? [], relevant).Ndcg;
            return (Query: q, Group: QuestionWord(q.Text), Ours: Ndcg(ours), Peer: Ndcg(peer));
        }).ToList();

        Console.WriteLine($"{"question word",-16} {"n",4} {"ours",7} {"peer",7} {"delta",7} {"better",6} {"worse",6}");
        foreach (var group in rows.GroupBy(r => r.Group).OrderByDescending(g => g.Count()))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key,-16} {group.Count(),4} {group.Average(r => r.Ours),7:F4} {group.Average(r => r.Peer),7:F4} {group.Average(r => r.Ours - r.Peer),7:F4} {group.Count(r => r.Ours > r.Peer + 1e-9),6} {group.Count(r => r.Ours < r.Peer - 1e-9),6}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"all",-16} {rows.Count,4} {rows.Average(r => r.Ours),7:F4} {rows.Average(r => r.Peer),7:F4} {rows.Average(r => r.Ours - r.Peer),7:F4}"));

        foreach (var (heading, worse) in new[] { ("ours worse", rows.OrderBy(r => r.Ours - r.Peer)), ("ours better", rows.OrderBy(r => r.Peer - r.Ours)) })
        {
            Console.WriteLine($"\n## {heading}");
            foreach (var row in worse.Take(top).Where(r => Math.Abs(r.Ours - r.Peer) > 1e-9))
            {
                var relevant = qrels[row.Query.Id];
                var answer = relevant.Keys.First();
                string Rank(Dictionary<string, List<string>> run) => run.GetValueOrDefault(row.Query.Id) is { } docs && docs.FindIndex(relevant.ContainsKey) is var i and >= 0 ? (i + 1).ToString(CultureInfo.InvariantCulture) : "-";
                string First(Dictionary<string, List<string>> run) => run.GetValueOrDefault(row.Query.Id) is [var first, ..] ? $"{first} «{titles.GetValueOrDefault(first)}»" : "none";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{row.Query.Id} ours {row.Ours:F2} (rank {Rank(ours)}) peer {row.Peer:F2} (rank {Rank(peer)}): {row.Query.Text}"));
                Console.WriteLine($"    terms: {Terms(analyzer, row.Query.Text)}");
                Console.WriteLine($"    answer {answer} «{titles.GetValueOrDefault(answer)}»; ours first {First(ours)}; peer first {First(peer)}");
            }
        }
        return 0;
    }

    /// <summary>The question word a question opens with (after normalisation, and without a leading conjunction or preposition it is glued to).</summary>
    private static string QuestionWord(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => ArabicLetters.Fold(new string(w.Where(char.IsLetterOrDigit).ToArray()))).Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
            return "(empty)";
        return words[0] switch
        {
            "ما" or "ماذا" or "ماهو" or "ماهي" when words.Count > 1 && words[1] is "هو" or "هي" => "ما هو/هي",
            "ماهو" or "ماهي" => "ما هو/هي",
            "في" or "الى" or "من" or "لمن" or "بماذا" or "على" when words.Count > 1 && words[1] is "اي" or "ايه" => words[0] + " اي",
            var first => first,
        };
    }

    private static string Terms(Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream(IndexFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return string.Join(' ', terms);
    }

    private static Dictionary<string, List<string>> ReadRun(string path) =>
        File.ReadLines(path).Select(l => l.Split('\t')).GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => int.Parse(p[2], CultureInfo.InvariantCulture)).Select(p => p[1]).ToList(), StringComparer.Ordinal);
}
