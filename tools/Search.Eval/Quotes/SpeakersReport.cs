using System.Globalization;
using Search.Core.Quotes;

namespace Search.Eval.Quotes;

/// <summary>
/// <c>quotes speakers</c>: the speakers facet the archive would show, to judge the merging of names across
/// documents (<see cref="SpeakerDirectory"/>): how many keys and speakers, the --top speakers with their
/// quotations and documents, and a seeded random --merges of the short keys merged into longer ones.
/// </summary>
internal static class SpeakersReport
{
    public static int Run(Options options)
    {
        var documents = Commands.ReadDocuments(options.Positional);
        var quotations = new Dictionary<string, int>(StringComparer.Ordinal);
        var inDocuments = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
            foreach (var quote in QuoteExtractor.Default.Extract(document.Body))
                if (quote.SpeakerKey is { } key)
                {
                    quotations[key] = quotations.GetValueOrDefault(key) + 1;
                    (inDocuments.TryGetValue(key, out var ids) ? ids : inDocuments[key] = []).Add(document.Id);
                    names.TryAdd(key, quote.Speaker!);
                }
        var directory = new SpeakerDirectory(quotations.Keys);
        var speakers = quotations.Keys.GroupBy(directory.Canonical, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Quotations: g.Sum(k => quotations[k]), Documents: g.SelectMany(k => inDocuments[k]).Distinct().Count(), Members: g.ToList()))
            .OrderByDescending(s => s.Quotations).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{documents.Count:N0} documents, {quotations.Values.Sum():N0} attributed quotations, {quotations.Count:N0} speaker keys, {speakers.Count:N0} speakers after merging ({QuoteExtractor.Version})"));
        foreach (var speaker in speakers.Take(Number(options, "top", 25)))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{speaker.Quotations,6} quotations {speaker.Documents,6} documents  {names.GetValueOrDefault(speaker.Key, speaker.Key)}  [{string.Join(" | ", speaker.Members)}]"));
        var merged = speakers.Where(s => s.Members.Count > 1).SelectMany(s => s.Members.Where(m => m != s.Key).Select(m => (Short: m, Long: s.Key))).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{merged.Count:N0} keys merged into a longer one; a random {Number(options, "merges", 30)}:"));
        var random = new Random(Number(options, "seed", 21));
        foreach (var (shortKey, longKey) in merged.OrderBy(m => m.Short, StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(Number(options, "merges", 30)))
            Console.WriteLine($"  {shortKey} → {longKey}");
        return 0;
    }

    private static int Number(Options options, string name, int fallback) =>
        int.Parse(options.Single(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
