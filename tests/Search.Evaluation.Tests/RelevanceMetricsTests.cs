using Search.Evaluation;

namespace Search.Evaluation.Tests;

public class RelevanceMetricsTests
{
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Run(params (string Qid, string[] Docs)[] queries) =>
        queries.ToDictionary(q => q.Qid, q => (IReadOnlyList<string>)q.Docs);

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Qrels(params (string Qid, string Doc, int Grade)[] judgments) =>
        judgments.GroupBy(j => j.Qid).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.ToDictionary(j => j.Doc, j => j.Grade));

    [Fact]
    public void A_relevant_document_first_scores_one_everywhere()
    {
        var scores = RelevanceMetrics.Score(Run(("q", ["d1", "x", "y"])), Qrels(("q", "d1", 1)));
        Assert.Equal(new RelevanceScores(1, 1, 1, 1, 1), scores);
    }

    [Fact]
    public void Matches_score_py_on_a_worked_example()
    {
        // q1: relevant at ranks 2 and 4 of 2 relevant; q2: relevant at rank 11 (beyond 10) of 1; q3: not in the run.
        var run = Run(("q1", ["a", "r1", "b", "r2"]), ("q2", [.. Enumerable.Range(1, 10).Select(i => $"n{i}"), "r3"]));
        var qrels = Qrels(("q1", "r1", 1), ("q1", "r2", 1), ("q2", "r3", 1), ("q3", "r4", 1));
        var scores = RelevanceMetrics.Score(run, qrels);

        var dcg1 = 1 / Math.Log2(3) + 1 / Math.Log2(5);
        var idcg1 = 1 / Math.Log2(2) + 1 / Math.Log2(3);
        Assert.Equal(3, scores.Queries);
        Assert.Equal((dcg1 / idcg1 + 0 + 0) / 3, scores.NdcgAt10, 12);
        Assert.Equal((0.5 + 0 + 0) / 3, scores.MrrAt10, 12);
        Assert.Equal((1 + 1 + 0) / 3.0, scores.RecallAt100, 12);
        Assert.Equal(((1 / 2.0 + 2 / 4.0) / 2 + 1 / 11.0 + 0) / 3, scores.MapAt100, 12);
    }

    [Fact]
    public void Graded_judgments_use_exponential_gain()
    {
        var scores = RelevanceMetrics.Score(Run(("q", ["low", "high"])), Qrels(("q", "high", 2), ("q", "low", 1)));
        var dcg = 1 / Math.Log2(2) + 3 / Math.Log2(3);
        var idcg = 3 / Math.Log2(2) + 1 / Math.Log2(3);
        Assert.Equal(dcg / idcg, scores.NdcgAt10, 12);
    }

    [Fact]
    public void Judgments_of_zero_are_ignored_and_recall_stops_at_100()
    {
        var docs = Enumerable.Range(1, 100).Select(i => $"n{i}").Append("r").ToArray();
        var scores = RelevanceMetrics.Score(Run(("q", docs), ("z", ["a"])), Qrels(("q", "r", 1), ("z", "a", 0)));
        Assert.Equal(1, scores.Queries);
        Assert.Equal(0, scores.RecallAt100);
    }

    [Fact]
    public void Reads_queries_and_judgments_in_both_formats()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var jsonl = Path.Combine(folder.FullName, "q.jsonl");
            File.WriteAllText(jsonl, "{\"qid\": \"dev-1\", \"query\": \"كيف \\\"تأسست\\\" الجامعة؟\"}\n\n{\"qid\": \"dev-2\", \"query\": \"لماذا\"}\n");
            var tsv = Path.Combine(folder.FullName, "q.tsv");
            File.WriteAllText(tsv, "t-1\tعنوان الخبر\n");
            var qrels = Path.Combine(folder.FullName, "qrels.tsv");
            File.WriteAllText(qrels, "dev-1\td1\t1\ndev-2 0 d2 2\ndev-2\td3\t0\n");

            Assert.Equal([new EvaluationQuery("dev-1", "كيف \"تأسست\" الجامعة؟"), new EvaluationQuery("dev-2", "لماذا")], EvaluationFiles.ReadQueries(jsonl));
            Assert.Equal([new EvaluationQuery("t-1", "عنوان الخبر")], EvaluationFiles.ReadQueries(tsv));
            var judged = EvaluationFiles.ReadQrels(qrels);
            Assert.Equal(1, judged["dev-1"]["d1"]);
            Assert.Equal(2, judged["dev-2"]["d2"]);
            Assert.False(judged["dev-2"].ContainsKey("d3"));

            var run = Path.Combine(folder.FullName, "run.tsv");
            EvaluationFiles.WriteRun(run, [("dev-1", ["d9", "d1"])]);
            Assert.Equal("dev-1\td9\t1\ndev-1\td1\t2\n", File.ReadAllText(run));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
