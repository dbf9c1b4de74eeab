using System.Globalization;
using Search.Core.Stories;

namespace Search.Eval;

/// <summary>A story detection variant as <c>words=4,sampling=8,carried=0.7,min=3,bridges=stopped</c>; anything left out is the product's.</summary>
internal static class StoryVariant
{
    public static (StoryFingerprinter Fingerprinter, StoryRule Rule) Parse(string spec)
    {
        var words = StoryFingerprinter.DefaultShingleWords;
        var sampling = StoryFingerprinter.DefaultSampling;
        var rule = StoryRule.Default;
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, value) = part.Split('=') is [var n, var v] ? (n, v) : throw new ArgumentException($"'{part}' is not name=value");
            switch (name)
            {
                case "words": words = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "sampling": sampling = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "carried": rule = rule with { Carried = double.Parse(value, CultureInfo.InvariantCulture) }; break;
                case "min": rule = rule with { MinSamples = int.Parse(value, CultureInfo.InvariantCulture) }; break;
                case "bridges": rule = rule with { StopBridges = value == "stopped" }; break;
                default: throw new ArgumentException($"unknown story variant setting '{name}'");
            }
        }
        return (new StoryFingerprinter(words, sampling), rule);
    }

    public static string Describe(StoryFingerprinter fingerprinter, StoryRule rule) => string.Create(CultureInfo.InvariantCulture,
        $"words={fingerprinter.ShingleWords},sampling={fingerprinter.Sampling},carried={rule.Carried},min={rule.MinSamples},bridges={(rule.StopBridges ? "stopped" : "allowed")}");
}
