using Search.Evaluation;
using Search.Core;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;

namespace Search.Eval;

/// <summary>
/// The headlines-as-queries set ("find this story's other copies"): a headline as the query, and as its
/// answers the other outlets' near-copies of the same article that carry a different headline, every
/// copy counting (no story collapsing). The article the headline comes from is not judged: the copies
/// must be found through their bodies and their own wording of the headline.
/// </summary>
/// <remarks>
/// Near-copy criterion: the two bodies share at least <see cref="MinShared"/> of the word 5-shingles of the
/// longer one (or the share given to <see cref="Build"/>, to check a result on looser copies) (so each shares at least that much of the other). On the corpus, that holds for 8,316 pairs
/// across outlets with differing headlines; pairs sampled at 0.5–0.6 were still one agency story lightly
/// edited (a sentence added or cut), while below 0.4 a shared lead paragraph over different articles
/// appears. Candidates come from a sample of the shingles (one in <see cref="SampleModulus"/> by hash),
/// each pair then checked on all its shingles.
/// </remarks>
internal static class HeadlineSet
{
    public const double MinShared = 0.5;
    private const int ShingleWords = 5;
    private const ulong SampleModulus = 8;

    /// <summary>A sampled shingle in more documents than this is boilerplate (a byline, a share line), not a story's text.</summary>
    private const int MaxSampledPostings = 30;

    public static (List<EvaluationQuery> Queries, Dictionary<string, IReadOnlyDictionary<string, int>> Qrels) Build(
        IReadOnlyList<DocumentRecord> documents, int count, int seed, double minShared = MinShared)
    {
        var shingles = documents.Select(d => Shingles(d.Body)).ToArray();
        var copies = NearCopies(documents, shingles, minShared);
        var random = new Random(seed);
        var used = new HashSet<int>();
        var queries = new List<EvaluationQuery>();
        var qrels = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (document, answers) in copies.OrderBy(c => c.Key).OrderBy(_ => random.Next()))
        {
            // One query a story: a headline whose article or answers an earlier query already holds would repeat it.
            if (queries.Count == count || used.Contains(document) || answers.Any(used.Contains))
                continue;
            used.Add(document);
            used.UnionWith(answers);
            var qid = $"h-{queries.Count + 1:D4}";
            queries.Add(new EvaluationQuery(qid, Commands.Flat(documents[document].Title)));
            qrels[qid] = answers.ToDictionary(a => documents[a].Id, _ => 1, StringComparer.Ordinal);
        }
        return (queries, qrels);
    }

    /// <summary>Per document, its near-copies from other outlets under another headline.</summary>
    private static Dictionary<int, List<int>> NearCopies(IReadOnlyList<DocumentRecord> documents, ulong[][] shingles, double minShared)
    {
        var postings = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < shingles.Length; i++)
            foreach (var shingle in shingles[i])
                if (shingle % SampleModulus == 0)
                {
                    if (!postings.TryGetValue(shingle, out var list))
                        postings[shingle] = list = [];
                    list.Add(i);
                }
        var candidates = new HashSet<(int, int)>();
        foreach (var list in postings.Values)
            if (list.Count is > 1 and <= MaxSampledPostings)
                for (var a = 0; a < list.Count; a++)
                    for (var b = a + 1; b < list.Count; b++)
                        candidates.Add((list[a], list[b]));

        var headlines = documents.Select(d => Commands.TitleKey(d.Title)).ToArray();
        var copies = new Dictionary<int, List<int>>();
        foreach (var (a, b) in candidates)
        {
            if (documents[a].Source == documents[b].Source || headlines[a].Length == 0 || headlines[b].Length == 0 || headlines[a] == headlines[b])
                continue;
            if (Shared(shingles[a], shingles[b]) < minShared * Math.Max(shingles[a].Length, shingles[b].Length))
                continue;
            foreach (var (from, to) in (ReadOnlySpan<(int, int)>)[(a, b), (b, a)])
            {
                if (!copies.TryGetValue(from, out var list))
                    copies[from] = list = [];
                list.Add(to);
            }
        }
        return copies;
    }

    /// <summary>The distinct word 5-shingles of a text, hashed (FNV-1a, so the set is the same in every run), sorted.</summary>
    private static ulong[] Shingles(string text)
    {
        var words = Words(text);
        var hashes = new HashSet<ulong>();
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            var hash = 14695981039346656037UL;
            for (var w = i; w < i + ShingleWords; w++)
            {
                foreach (var c in words[w])
                    hash = (hash ^ c) * 1099511628211UL;
                hash = (hash ^ ' ') * 1099511628211UL;
            }
            hashes.Add(hash);
        }
        var sorted = hashes.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }
        return words;
    }

    private static int Shared(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
                i++;
            else
                j++;
        }
        return shared;
    }
}
