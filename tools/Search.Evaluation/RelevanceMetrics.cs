namespace Search.Evaluation;

/// <summary>Mean ranking-quality measures over a query set; every judged query counts, answered or not.</summary>
public sealed record RelevanceScores(double NdcgAt10, double MrrAt10, double RecallAt100, double MapAt100, int Queries);

/// <summary>
/// nDCG@10, MRR@10, Recall@100 and MAP@100 of a run against judgments, computed exactly as the
/// development set's <c>score.py</c> does: gains <c>2^rel − 1</c>, log2 discounts, the ideal ranking from
/// the judged grades, only judgments with a grade above 0, and a judged query the run lacks counts zero.
/// </summary>
public static class RelevanceMetrics
{
    /// <param name="run">Per query, the document ids in rank order.</param>
    /// <param name="qrels">Per query, the judged documents and their grades (grades of 0 and below are ignored).</param>
    public static RelevanceScores Score(IReadOnlyDictionary<string, IReadOnlyList<string>> run, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> qrels)
    {
        double ndcg = 0, mrr = 0, recall = 0, map = 0;
        var n = 0;
        foreach (var (qid, judged) in qrels)
        {
            var relevant = judged.Where(j => j.Value > 0).ToDictionary(j => j.Key, j => j.Value, StringComparer.Ordinal);
            if (relevant.Count == 0)
                continue;
            n++;
            var docs = run.TryGetValue(qid, out var ranked) ? ranked : [];
            var q = ScoreQuery(docs, relevant);
            ndcg += q.Ndcg;
            mrr += q.Mrr;
            recall += q.Recall;
            map += q.AveragePrecision;
        }
        return n == 0
            ? new RelevanceScores(0, 0, 0, 0, 0)
            : new RelevanceScores(ndcg / n, mrr / n, recall / n, map / n, n);
    }

    /// <summary>The measures of one query: nDCG@10, reciprocal rank within 10, recall within 100, average precision within 100.</summary>
    public static (double Ndcg, double Mrr, double Recall, double AveragePrecision) ScoreQuery(IReadOnlyList<string> docs, IReadOnlyDictionary<string, int> relevant)
    {
        double dcg = 0;
        for (var i = 0; i < Math.Min(10, docs.Count); i++)
            dcg += (Math.Pow(2, relevant.GetValueOrDefault(docs[i])) - 1) / Math.Log2(i + 2);
        double idcg = 0;
        var ideal = relevant.Values.OrderByDescending(g => g).Take(10).ToList();
        for (var i = 0; i < ideal.Count; i++)
            idcg += (Math.Pow(2, ideal[i]) - 1) / Math.Log2(i + 2);

        double mrr = 0;
        for (var i = 0; i < Math.Min(10, docs.Count); i++)
            if (relevant.ContainsKey(docs[i]))
            {
                mrr = 1.0 / (i + 1);
                break;
            }

        int found = 0, hits = 0;
        double precisionSum = 0;
        for (var i = 0; i < Math.Min(100, docs.Count); i++)
        {
            if (!relevant.ContainsKey(docs[i]))
                continue;
            found++;
            hits++;
            precisionSum += hits / (double)(i + 1);
        }
        return (idcg > 0 ? dcg / idcg : 0, mrr, found / (double)relevant.Count, precisionSum / relevant.Count);
    }
}
