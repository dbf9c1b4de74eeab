using System.Globalization;
using System.Text.RegularExpressions;
using Search.Bench.Support;
using Search.Core;

namespace Search.Bench.Modes;

/// <summary>
/// Draws a realistic query log from the corpus: one to six words taken together from a title or a
/// sentence of a body (so they co-occur as people's queries do), some as quoted phrases, some with a
/// date range or a source, each with a facet interval.
/// </summary>
public static partial class QueryLogGenerator
{
    private static readonly string[] Intervals = ["year", "month", "day"];

    public static int Run(Arguments options)
    {
        var random = new Random(options.Int("seed", 7));
        var documents = CorpusFiles.Read(options.All("corpus")).ToList();
        var dated = documents.Where(d => d.Date is not null).Select(d => d.Date!.Value).Order().ToList();
        var lines = new List<string>();
        while (lines.Count < options.Int("count", 2_000))
        {
            var document = documents[random.Next(documents.Count)];
            var words = Words(random.Next(3) == 0 ? document.Title : Sentence(document.Body, random));
            if (words.Count == 0)
                continue;
            var take = Math.Min(words.Count, random.Next(1, 7));
            var start = random.Next(words.Count - take + 1);
            var text = string.Join(' ', words.Skip(start).Take(take));
            if (take is >= 2 and <= 3 && random.NextDouble() < 0.15)
                text = $"\"{text}\"";

            var parameters = new List<string> { "q=" + Uri.EscapeDataString(text), "interval=" + Intervals[random.Next(Intervals.Length)] };
            if (random.NextDouble() < 0.3)
            {
                var from = dated[random.Next(dated.Count)];
                var to = from.AddDays(random.Next(1, 400));
                parameters.Add("from=" + from.ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture));
                parameters.Add("to=" + to.ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture));
            }
            if (random.NextDouble() < 0.1)
                parameters.Add("source=" + Uri.EscapeDataString(document.Source));
            lines.Add(string.Join('&', parameters));
        }
        File.WriteAllLines(options.Required("out"), lines);
        Console.WriteLine($"genlog queries={lines.Count} out={options.Required("out")}");
        return 0;
    }

    private static string Sentence(string body, Random random)
    {
        var sentences = body.Split(['.', '\n', '،', '؟'], StringSplitOptions.RemoveEmptyEntries);
        return sentences.Length == 0 ? "" : sentences[random.Next(sentences.Length)];
    }

    private static List<string> Words(string text) =>
        ArabicWord().Matches(text).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\p{IsArabic}{3,}")]
    private static partial Regex ArabicWord();
}
