using System.Globalization;
using Search.Core.Documents;
using Search.Core.Quotes;

namespace Search.Eval.Quotes;

/// <summary>The quotation extractor's measurements (issue 21): <c>show</c>, <c>sample</c>, <c>measure</c>, <c>speed</c>.</summary>
public static class QuotesCommand
{
    public static int Run(string[] args) => args.FirstOrDefault() switch
    {
        "show" => Show(Options.Parse(args[1..])),
        "sample" => Sample(Options.Parse(args[1..])),
        _ => Usage(),
    };

    /// <summary>Prints documents with the quotations found in them: the documents named by --ids, or a random --count of them.</summary>
    private static int Show(Options options)
    {
        var documents = Commands.ReadDocuments(options.Positional);
        var chosen = options.Single("ids") is { } ids
            ? ids.Split(',').Select(id => documents.First(d => d.Id == id)).ToList()
            : RandomSample(documents, Count(options, 5), Seed(options));
        foreach (var document in chosen)
        {
            Console.WriteLine($"===== {document.Id} ({document.Source})\n{document.Title}\n{document.Body}\n-----");
            foreach (var quote in QuoteExtractor.Default.Extract(document.Body))
                Console.WriteLine($"[{quote.Start}-{quote.End}] {quote.Speaker ?? "?"} | {quote.Role ?? ""} | {Clip(quote.Text)}");
        }
        return 0;
    }

    /// <summary>
    /// The random draw of the hand-checked set: every document of the corpus files in a shuffled order
    /// (seeded, so the draw is the same on every machine), the first --count of them; ids only.
    /// </summary>
    private static int Sample(Options options)
    {
        foreach (var document in RandomSample(Commands.ReadDocuments(options.Positional), Count(options, 60), Seed(options)))
            Console.WriteLine(document.Id);
        return 0;
    }

    public static List<DocumentRecord> RandomSample(IReadOnlyList<DocumentRecord> documents, int count, int seed)
    {
        var random = new Random(seed);
        return documents.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => (d, Key: random.Next())).OrderBy(p => p.Key).Take(count).Select(p => p.d).ToList();
    }

    private static int Count(Options options, int fallback) => int.Parse(options.Single("count") ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static int Seed(Options options) => int.Parse(options.Single("seed") ?? "21", CultureInfo.InvariantCulture);

    private static string Clip(string text) => text.Length <= 140 ? text : text[..70] + " … " + text[^60..];

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Search.Eval quotes show [--ids ID,ID | --count N --seed S] DOCS.jsonl[.gz]...
                Print documents and the quotations found in them.
            Search.Eval quotes sample [--count N] [--seed S] CORPUS.jsonl[.gz]...
                The ids of the random draw the hand-checked set was made from.
            """);
        return 2;
    }
}
