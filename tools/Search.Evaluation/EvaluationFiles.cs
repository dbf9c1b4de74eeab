using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Search.Evaluation;

/// <summary>A query of a relevance set.</summary>
public sealed record EvaluationQuery(string Id, string Text);

/// <summary>
/// Reads and writes the files of a relevance evaluation: queries as JSON Lines (<c>{"qid","query"}</c>) or
/// TSV (<c>qid&lt;TAB&gt;query</c>); judgments as TSV (<c>qid docid grade</c>, or TREC's <c>qid 0 docid grade</c>);
/// runs as TSV (<c>qid&lt;TAB&gt;docid&lt;TAB&gt;rank</c>).
/// </summary>
public static class EvaluationFiles
{
    public static List<EvaluationQuery> ReadQueries(string path)
    {
        var queries = new List<EvaluationQuery>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            if (line.TrimStart().StartsWith('{'))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = Text(root, "qid") ?? Text(root, "id") ?? throw new FormatException($"{path}:{lineNumber}: no \"qid\"");
                var text = Text(root, "query") ?? Text(root, "text") ?? throw new FormatException($"{path}:{lineNumber}: no \"query\"");
                queries.Add(new EvaluationQuery(id, text));
            }
            else
            {
                var tab = line.IndexOf('\t');
                if (tab <= 0)
                    throw new FormatException($"{path}:{lineNumber}: expected qid<TAB>query");
                queries.Add(new EvaluationQuery(line[..tab], line[(tab + 1)..]));
            }
        }
        return queries;
    }

    public static Dictionary<string, IReadOnlyDictionary<string, int>> ReadQrels(string path)
    {
        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
                continue;
            var (qid, doc, grade) = parts.Length == 4 ? (parts[0], parts[2], parts[3]) : parts.Length == 3 ? (parts[0], parts[1], parts[2])
                : throw new FormatException($"{path}:{lineNumber}: expected qid docid grade");
            var value = int.Parse(grade, CultureInfo.InvariantCulture);
            if (value <= 0)
                continue;
            if (!qrels.TryGetValue(qid, out var judged))
                qrels[qid] = judged = new Dictionary<string, int>(StringComparer.Ordinal);
            judged[doc] = value;
        }
        return qrels.ToDictionary(q => q.Key, q => (IReadOnlyDictionary<string, int>)q.Value, StringComparer.Ordinal);
    }

    public static void WriteRun(string path, IEnumerable<(string QueryId, IReadOnlyList<string> Docs)> run)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var (qid, docs) in run)
            for (var i = 0; i < docs.Count; i++)
                writer.Write($"{qid}\t{docs[i]}\t{(i + 1).ToString(CultureInfo.InvariantCulture)}\n");
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString() : null;
}
