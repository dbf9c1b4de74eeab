using System.Diagnostics;
using System.Text.Json;
using Lucene.Net.Analysis;
using Search.Core.Analysis;
using Search.Core;
using Search.Core.Ingest;
using Search.Core.Ingest.Json;
using Search.Core.Index;
using Search.Core.Index.Storage;
using Search.Core.Languages;

namespace Search.Eval;

/// <summary>
/// The measurement of language detection in docs/languages.md: each sample's detected language
/// against the one it is written in, by language and kind, with the misses; the letters the same
/// statements take in Arabic and in English; and the languages detected over a corpus, with each
/// document not detected as Arabic.
/// </summary>
public static class Languages
{
    private sealed record Sample(string Lang, string Kind, string Text);

    private static readonly string[] Kinds = ["short", "line", "long", "mixed"];

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        if (options.Single("samples") is { } samples)
            Samples(samples);
        if (options.Positional.Count > 0)
            Corpus(options.Positional);
        return 0;
    }

    private static void Samples(string path)
    {
        var samples = File.ReadLines(path).Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<Sample>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))!).ToList();
        Console.WriteLine("| written in | " + string.Join(" | ", Kinds) + " | detected as |");
        Console.WriteLine("|---|" + string.Concat(Kinds.Select(_ => "---|")) + "---|");
        var misses = new List<string>();
        foreach (var language in samples.GroupBy(s => s.Lang))
        {
            var cells = Kinds.Select(kind =>
            {
                var ofKind = language.Where(s => s.Kind == kind).ToList();
                return ofKind.Count == 0 ? "" : $"{ofKind.Count(s => LanguageDetector.Detect(null, s.Text) == s.Lang)}/{ofKind.Count}";
            });
            var detected = language.GroupBy(s => LanguageDetector.Detect(null, s.Text)).Select(g => $"{g.Key} {g.Count()}");
            Console.WriteLine($"| {language.Key} | {string.Join(" | ", cells)} | {string.Join(", ", detected)} |");
            misses.AddRange(language.Where(s => LanguageDetector.Detect(null, s.Text) != s.Lang)
                .Select(s => $"{s.Lang} {s.Kind} as {LanguageDetector.Detect(null, s.Text)}: {s.Text}"));
        }
        foreach (var miss in misses)
            Console.WriteLine("miss: " + miss);

        long Letters(string lang) => samples.Where(s => s.Lang == lang && s.Kind is "line" or "long").Sum(s => (long)s.Text.Count(char.IsLetter));
        foreach (var lang in (string[])["en", "fr", "ru"])
            Console.WriteLine($"letters of the same statements, Arabic / {lang}: {Letters("ar")} / {Letters(lang)} = {Letters("ar") / (double)Letters(lang):0.00}");
    }

    /// <summary>
    /// The languages detected over the documents, and the time detection takes beside the time our
    /// Arabic analysis takes on the same texts, each document timed for both in turn: on a shared
    /// machine the ratio holds where the times do not.
    /// </summary>
    private static void Corpus(IEnumerable<string> paths)
    {
        var reader = new JsonDocumentsReader();
        var counts = new Dictionary<string, int>();
        var exceptions = new List<string>();
        var watch = new Stopwatch();
        var analysis = new Stopwatch();
        using var analyzer = ArabicSearchAnalyzer.Create();
        long documents = 0, chars = 0;
        foreach (var path in paths)
        {
            using var text = JsonDocumentsReader.OpenFile(path);
            foreach (var (document, _) in reader.EnumerateJsonLines(text))
            {
                if (document is null)
                    continue;
                watch.Start();
                var lang = LanguageDetector.Detect(document.Title, document.Body);
                watch.Stop();
                analysis.Start();
                Analyze(analyzer, document.Title);
                Analyze(analyzer, document.Body);
                analysis.Stop();
                documents++;
                chars += document.Title.Length + Math.Min(document.Body.Length, LanguageDetector.MaxChars);
                counts[lang] = counts.GetValueOrDefault(lang) + 1;
                if (lang != document.Lang)
                    exceptions.Add($"{document.Id} ({document.Source}) as {lang}, Arabic letters {ArabicShare(document):0.00}: {Head(document.Title)} | {Head(document.Body)}");
            }
        }
        Console.WriteLine($"{documents} documents: " + string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
        Console.WriteLine($"detection: {watch.Elapsed.TotalSeconds:0.00} s, {documents / watch.Elapsed.TotalSeconds:0} documents/s, {chars / watch.Elapsed.TotalSeconds / 1e6:0} M characters/s; "
            + $"Arabic analysis of the same titles and bodies: {analysis.Elapsed.TotalSeconds:0.00} s (detection {watch.Elapsed / analysis.Elapsed:P0} of it)");
        foreach (var exception in exceptions)
            Console.WriteLine("not as given: " + exception);
    }

    private static void Analyze(Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream(IndexFields.Body, text);
        stream.Reset();
        while (stream.IncrementToken())
        {
        }
        stream.End();
    }

    private static double ArabicShare(DocumentRecord document)
    {
        var letters = (document.Title + document.Body).Select(WritingScripts.Of).Where(s => s != WritingScript.None).ToList();
        return letters.Count(s => s == WritingScript.Arabic) / (double)Math.Max(1, letters.Count);
    }

    private static string Head(string text) => text.Length <= 60 ? text.ReplaceLineEndings(" ") : text[..60].ReplaceLineEndings(" ") + "…";
}
