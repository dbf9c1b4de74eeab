using System.Globalization;
using System.Text;

namespace Search.Api.Tests.TestSupport;

/// <summary>One sample of a scrape: its name, its labels and its value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>
/// A strict reader of Prometheus' text exposition format 0.0.4, as a scraper reads it: every line is a
/// <c># HELP</c>, a <c># TYPE</c> or a sample <c>name{label="value",…} value</c>; a family's TYPE comes before
/// its samples and once; histograms' buckets are cumulative, end with <c>le="+Inf"</c>, and that bucket is
/// their <c>_count</c>. Anything else fails the test with the line.
/// </summary>
public sealed class PrometheusText
{
    private static readonly HashSet<string> Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    private PrometheusText(Dictionary<string, string> types, List<PrometheusSample> samples)
    {
        FamilyTypes = types;
        Samples = samples;
    }

    /// <summary>Each family's TYPE, by its name.</summary>
    public IReadOnlyDictionary<string, string> FamilyTypes { get; }

    public IReadOnlyList<PrometheusSample> Samples { get; }

    public static PrometheusText Parse(string text)
    {
        Assert.True(text.EndsWith('\n'), "the exposition ends with a line feed");
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<PrometheusSample>();
        var lineNumber = 0;
        foreach (var line in text[..^1].Split('\n'))
        {
            lineNumber++;
            var where = $"line {lineNumber}: '{line}'";
            Assert.False(line.Length == 0, $"{where}: empty lines are not part of the format as written here");
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var name = line[7..].Split(' ', 2)[0];
                Assert.True(IsMetricName(name), $"{where}: HELP names no metric");
                Assert.True(helps.Add(name), $"{where}: a second HELP for {name}");
            }
            else if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ');
                Assert.True(parts.Length == 2 && IsMetricName(parts[0]) && Types.Contains(parts[1]), $"{where}: TYPE is 'name type'");
                Assert.True(types.TryAdd(parts[0], parts[1]), $"{where}: a second TYPE for {parts[0]}");
            }
            else
            {
                Assert.False(line.StartsWith('#'), $"{where}: a comment other than HELP or TYPE");
                var sample = ParseSample(line, where);
                Assert.True(FamilyOf(sample.Name, types) is not null, $"{where}: a sample with no TYPE before it");
                samples.Add(sample);
            }
        }
        var parsed = new PrometheusText(types, samples);
        parsed.CheckHistograms();
        return parsed;
    }

    /// <summary>The one sample of <paramref name="name"/> whose labels include <paramref name="labels"/>; null when there is none.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels)
    {
        var matching = Matching(name, labels).ToList();
        Assert.True(matching.Count <= 1, $"{matching.Count} samples of {name} match {string.Join(',', labels)}");
        return matching.Count == 1 ? matching[0].Value : null;
    }

    public IEnumerable<PrometheusSample> Matching(string name, params (string Label, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value));

    private void CheckHistograms()
    {
        foreach (var (family, _) in FamilyTypes.Where(t => t.Value == "histogram"))
        {
            var buckets = Samples.Where(s => s.Name == family + "_bucket")
                .GroupBy(s => Key(s.Labels.Where(l => l.Key != "le")));
            foreach (var series in buckets)
            {
                var ordered = series.Select(s => (Le: ParseValue(s.Labels["le"], $"{family} le"), s.Value)).OrderBy(b => b.Le).ToList();
                for (var i = 1; i < ordered.Count; i++)
                    Assert.True(ordered[i].Value >= ordered[i - 1].Value, $"{family}{{{series.Key}}}: bucket le={ordered[i].Le} holds fewer than le={ordered[i - 1].Le}");
                Assert.True(double.IsPositiveInfinity(ordered[^1].Le), $"{family}{{{series.Key}}} has no le=\"+Inf\" bucket");
                var count = Samples.Single(s => s.Name == family + "_count" && Key(s.Labels) == series.Key);
                Assert.True(count.Value == ordered[^1].Value, $"{family}{{{series.Key}}}: +Inf bucket {ordered[^1].Value}, _count {count.Value}");
                Assert.Single(Samples, s => s.Name == family + "_sum" && Key(s.Labels) == series.Key);
            }
        }
    }

    private static string Key(IEnumerable<KeyValuePair<string, string>> labels) =>
        string.Join(',', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    private static string? FamilyOf(string sampleName, Dictionary<string, string> types)
    {
        if (types.ContainsKey(sampleName))
            return sampleName;
        foreach (var suffix in (string[])["_bucket", "_sum", "_count"])
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(sampleName[..^suffix.Length], out var type)
                && type is "histogram" or "summary")
                return sampleName[..^suffix.Length];
        return null;
    }

    private static PrometheusSample ParseSample(string line, string where)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or ':'))
            i++;
        var name = line[..i];
        Assert.True(IsMetricName(name), $"{where}: no metric name");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var start = i;
                while (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '_')
                    i++;
                var label = line[start..i];
                Assert.True(label.Length > 0 && !char.IsAsciiDigit(label[0]), $"{where}: a label name at {start}");
                Assert.True(line[i] == '=' && line[i + 1] == '"', $"{where}: label {label} is not followed by =\"");
                i += 2;
                var value = new StringBuilder();
                while (line[i] != '"')
                {
                    if (line[i] == '\\')
                    {
                        i++;
                        Assert.True(line[i] is '\\' or '"' or 'n', $"{where}: escape \\{line[i]}");
                        value.Append(line[i] == 'n' ? '\n' : line[i]);
                    }
                    else
                        value.Append(line[i]);
                    i++;
                }
                i++;
                Assert.True(labels.TryAdd(label, value.ToString()), $"{where}: label {label} twice");
                if (line[i] == ',')
                    i++;
                else
                    Assert.True(line[i] == '}', $"{where}: labels are not separated by commas");
            }
            i++;
        }
        Assert.True(i < line.Length && line[i] == ' ', $"{where}: no space before the value");
        var rest = line[(i + 1)..].Split(' ');
        Assert.True(rest.Length is 1 or 2, $"{where}: more than a value and a timestamp");
        if (rest.Length == 2)
            Assert.True(long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _), $"{where}: the timestamp is not an integer");
        return new PrometheusSample(name, labels, ParseValue(rest[0], where));
    }

    private static double ParseValue(string text, string where) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new Xunit.Sdk.XunitException($"{where}: '{text}' is not a value"),
    };

    private static bool IsMetricName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':');
}
