using Search.Core;
using Search.Core.Ingest.Pages;

namespace Search.Eval.Quotes;

/// <summary>A hand-checked quotation: where it is in the body and who the text says said it (several names when the text gives several).</summary>
/// <param name="Kind"><c>p</c> a person, <c>o</c> an organisation or country, <c>r</c> an office named by its title alone, <c>u</c> a speaker the text does not name.</param>
internal sealed record GoldQuote(int Start, int End, IReadOnlyList<string> Speakers, string Role, char Kind)
{
    public bool IsNamed => Kind != 'u';
}

/// <summary>A document of the hand-checked set with every quotation in it.</summary>
internal sealed record GoldDocument(string Collection, string Id, string Body, IReadOnlyList<GoldQuote> Quotes);

/// <summary>
/// The hand-checked set of <c>tools/quotes-set</c> (docs/quotes.md): corpus articles by id and offsets
/// (<c>corpus.tsv</c>, <c>corpus-documents.txt</c>, no corpus text), and statement pages written for the
/// project, read as the service reads pages, with each quotation given by its words (<c>statements.tsv</c>).
/// </summary>
internal static class QuoteSet
{
    public static List<GoldDocument> Read(string setFolder, IEnumerable<string> corpusFiles)
    {
        var documents = Corpus(setFolder, corpusFiles);
        documents.AddRange(Statements(setFolder));
        return documents;
    }

    private static List<GoldDocument> Corpus(string setFolder, IEnumerable<string> corpusFiles)
    {
        var ids = File.ReadAllLines(Path.Combine(setFolder, "corpus-documents.txt")).Where(l => l.Length > 0).ToList();
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var bodies = Commands.ReadDocuments(corpusFiles).Where(d => wanted.Contains(d.Id)).ToDictionary(d => d.Id, d => d.Body, StringComparer.Ordinal);
        if (bodies.Count != ids.Count)
            throw new ArgumentException($"{ids.Count - bodies.Count} documents of the set are not in the corpus files given");
        var quotes = Rows(Path.Combine(setFolder, "corpus.tsv"))
            .GroupBy(r => r[0])
            .ToDictionary(g => g.Key, g => g.Select(r => Quote(int.Parse(r[1]), int.Parse(r[2]), r[3], r[4], r[5])).ToList());
        return ids.Select(id => new GoldDocument("corpus", id, bodies[id], quotes.GetValueOrDefault(id) ?? [])).ToList();
    }

    private static IEnumerable<GoldDocument> Statements(string setFolder)
    {
        if (!File.Exists(Path.Combine(setFolder, "statements.tsv")))
            yield break;
        var reader = new PageReader();
        var rows = Rows(Path.Combine(setFolder, "statements.tsv")).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var path in Directory.GetFiles(Path.Combine(setFolder, "statements")).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var page = reader.Read(new PageFile(name, File.ReadAllBytes(path)));
            var body = page.Document?.Body ?? throw new ArgumentException($"{name}: {page.Refusal}");
            var quotes = rows.GetValueOrDefault(name, []).Select(r =>
            {
                var start = body.IndexOf(r[1], StringComparison.Ordinal);
                if (start < 0)
                    throw new ArgumentException($"{name}: the quotation '{r[1]}' is not in the page's body");
                return Quote(start, start + r[1].Length, r[2], r[3], r[4]);
            }).ToList();
            yield return new GoldDocument("statements", name, body, quotes);
        }
    }

    private static GoldQuote Quote(int start, int end, string speakers, string role, string kind) =>
        new(start, end, speakers.Split(" | ", StringSplitOptions.RemoveEmptyEntries), role, kind[0]);

    /// <summary>The tab-separated rows of a file, without its header.</summary>
    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'));
}
