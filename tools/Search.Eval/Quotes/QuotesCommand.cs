using System.Globalization;
using Search.Core;
using Search.Core.Quotes;

namespace Search.Eval.Quotes;

/// <summary>The quotation extractor's measurements (issue 21): <c>show</c>, <c>sample</c>, <c>measure</c>, <c>speed</c>, <c>speakers</c>.</summary>
internal static class QuotesCommand
{
    public static int Run(string[] args) => args.FirstOrDefault() switch
    {
        "show" => Show(Options.Parse(args[1..])),
        "sample" => Sample(Options.Parse(args[1..])),
        "measure" => Measure(Options.Parse(args[1..])),
        "speed" => Speed(Options.Parse(args[1..])),
        "speakers" => SpeakersReport.Run(Options.Parse(args[1..])),
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

    /// <summary>The table of docs/quotes.md: attribution on the hand-checked set, per collection and in all; --errors prints each disagreement.</summary>
    private static int Measure(Options options)
    {
        var documents = QuoteSet.Read(options.Required("set"), options.All("corpus"));
        var scores = new SortedDictionary<string, QuoteScore>(StringComparer.Ordinal) { ["all"] = new() };
        foreach (var document in documents)
        {
            var found = QuoteExtractor.Default.Extract(document.Body);
            if (!scores.TryGetValue(document.Collection, out var score))
                scores[document.Collection] = score = new QuoteScore();
            var errors = score.Add(document, found);
            scores["all"].Add(document, found);
            if (options.Single("errors") is "true")
                errors.ForEach(Console.WriteLine);
        }
        Console.WriteLine($"extraction {QuoteExtractor.Version}");
        Console.WriteLine(QuoteScore.Header);
        foreach (var (name, score) in scores.Where(s => s.Key != "all").Append(scores.First(s => s.Key == "all")))
            Console.WriteLine(score.Row(name));
        return 0;
    }

    /// <summary>
    /// The cost of extraction alone, one thread, over the bodies of the documents given, best of --rounds:
    /// what a rebuild of the index pays on top of analysis and indexing.
    /// </summary>
    private static int Speed(Options options)
    {
        var documents = Commands.ReadDocuments(options.Positional);
        var rounds = int.Parse(options.Single("rounds") ?? "5", CultureInfo.InvariantCulture);
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        long quotes = 0, attributed = 0;
        var process = System.Diagnostics.Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            quotes = attributed = 0;
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var started = System.Diagnostics.Stopwatch.StartNew();
            foreach (var document in documents)
                foreach (var quote in QuoteExtractor.Default.Extract(document.Body))
                {
                    quotes++;
                    if (quote.SpeakerKey is not null)
                        attributed++;
                }
            var seconds = started.Elapsed.TotalSeconds;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            best = Math.Min(best, seconds);
            bestCpu = Math.Min(bestCpu, cpuSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {seconds:F2} s, {cpuSeconds:F2} s of CPU"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{documents.Count:N0} documents, {quotes:N0} quotations ({attributed:N0} attributed): best {best:F2} s ({best * 1e6 / documents.Count:F1} µs a document), {bestCpu:F2} s of CPU ({bestCpu * 1e6 / documents.Count:F1} µs a document) ({QuoteExtractor.Version})"));
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
            Search.Eval quotes measure --set tools/quotes-set [--corpus CORPUS.jsonl.gz]... [--errors true]
                Attribution precision and recall on the hand-checked set (docs/quotes.md).
            Search.Eval quotes speed [--rounds N] DOCS.jsonl[.gz]...
                Extraction alone, one thread: seconds (wall and CPU, the process's) for all the documents and microseconds a document.
            Search.Eval quotes speakers [--top N] [--merges N] [--seed S] DOCS.jsonl[.gz]...
                The speakers facet over the documents: speaker keys, speakers after merging names across documents, the top speakers, merges drawn at random.
            """);
        return 2;
    }
}
