using System.Globalization;
using Search.Core.Quotes;

namespace Search.Eval.Quotes;

/// <summary>
/// Attribution measured against the hand-checked set. A found quotation matches a hand-checked one when
/// they overlap by at least half of the shorter (one to one, largest overlap first); its attribution is
/// right when its speaker key is the key of a name the text gives that speaker.
/// </summary>
internal sealed class QuoteScore
{
    private const double MinOverlap = 0.5;

    public int Documents { get; private set; }
    public int Gold { get; private set; }
    public int GoldNamed { get; private set; }
    public int Found { get; private set; }
    public int FoundMatched { get; private set; }
    public int GoldMatched { get; private set; }
    public int Attributed { get; private set; }
    public int AttributedToNamed { get; private set; }
    public int Correct { get; private set; }

    /// <summary>Right attributions among all attributions made, including those of quotations the set does not hold and of unnamed speakers.</summary>
    public double Precision => Ratio(Correct, Attributed);

    /// <summary>Right attributions among those made for quotations whose speaker the text names.</summary>
    public double PrecisionOnNamed => Ratio(Correct, AttributedToNamed);

    /// <summary>Quotations whose speaker the text names, found and rightly attributed.</summary>
    public double Recall => Ratio(Correct, GoldNamed);

    public double FoundRecall => Ratio(GoldMatched, Gold);

    public double FoundPrecision => Ratio(FoundMatched, Found);

    /// <summary>Scores one document; returns what went wrong, for reading.</summary>
    public List<string> Add(GoldDocument document, IReadOnlyList<Quote> found)
    {
        Documents++;
        Gold += document.Quotes.Count;
        GoldNamed += document.Quotes.Count(q => q.IsNamed);
        Found += found.Count;
        Attributed += found.Count(q => q.SpeakerKey is not null);
        var errors = new List<string>();
        var matchOf = Match(document.Quotes, found);
        GoldMatched += matchOf.Count;
        FoundMatched += matchOf.Count;
        foreach (var (goldIndex, foundIndex) in matchOf)
        {
            var gold = document.Quotes[goldIndex];
            var quote = found[foundIndex];
            if (!gold.IsNamed || quote.SpeakerKey is null)
            {
                if (gold.IsNamed || quote.SpeakerKey is not null)
                    errors.Add(Describe(document, gold, quote));
                continue;
            }
            AttributedToNamed++;
            if (gold.Speakers.Any(name => SpeakerKeys.Of(name) == quote.SpeakerKey))
                Correct++;
            else
                errors.Add(Describe(document, gold, quote));
        }
        var matchedGold = matchOf.Keys.ToHashSet();
        var matchedFound = matchOf.Values.ToHashSet();
        for (var i = 0; i < document.Quotes.Count; i++)
            if (!matchedGold.Contains(i))
                errors.Add(Describe(document, document.Quotes[i], null));
        for (var i = 0; i < found.Count; i++)
            if (!matchedFound.Contains(i))
                errors.Add(Describe(document, null, found[i]));
        return errors;
    }

    /// <summary>Gold index → found index, pairing the largest overlaps first.</summary>
    private static Dictionary<int, int> Match(IReadOnlyList<GoldQuote> gold, IReadOnlyList<Quote> found)
    {
        var pairs = new List<(int Gold, int Found, int Overlap)>();
        for (var g = 0; g < gold.Count; g++)
            for (var f = 0; f < found.Count; f++)
            {
                var overlap = Math.Min(gold[g].End, found[f].End) - Math.Max(gold[g].Start, found[f].Start);
                var shorter = Math.Min(gold[g].End - gold[g].Start, found[f].End - found[f].Start);
                if (overlap > 0 && overlap >= MinOverlap * shorter)
                    pairs.Add((g, f, overlap));
            }
        var matches = new Dictionary<int, int>();
        var taken = new HashSet<int>();
        foreach (var (g, f, _) in pairs.OrderByDescending(p => p.Overlap))
            if (!matches.ContainsKey(g) && taken.Add(f))
                matches[g] = f;
        return matches;
    }

    private static string Describe(GoldDocument document, GoldQuote? gold, Quote? found)
    {
        static string Clip(string text) => text.Length <= 70 ? text : text[..35] + " … " + text[^30..];
        var where = gold is null ? $"{found!.Start}-{found.End}" : $"{gold.Start}-{gold.End}";
        var said = gold is null ? "(not a quotation of the set)" : $"{(gold.IsNamed ? string.Join(" | ", gold.Speakers) : "(unnamed)")} [{Clip(document.Body[gold.Start..gold.End])}]";
        var extracted = found is null ? "(not found)" : $"{found.Speaker ?? "(unknown)"} [{Clip(found.Text)}]";
        return $"{document.Id} {where}: set {said}; found {extracted}";
    }

    public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Documents} | {Gold} ({GoldNamed} named) | {Found} | {FoundRecall:F3} | {FoundPrecision:F3} | {Attributed} | **{Precision:F3}** | {PrecisionOnNamed:F3} | **{Recall:F3}** |");

    public const string Header = """
        | collection | documents | quotations in the set | found | found / set | found in set / found | attributed | precision | precision on named | recall |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
        """;

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}
