using System.Globalization;

namespace Search.Bench.Support;

/// <summary><c>--name value</c> options; a name given several times (or followed by several values) collects them all.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static Arguments Parse(IEnumerable<string> args)
    {
        var parsed = new Arguments();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                parsed._values.TryAdd(name, []);
            }
            else if (name is not null)
            {
                parsed._values[name].Add(arg);
            }
        }
        return parsed;
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string Required(string name) =>
        _values.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : throw new ArgumentException($"--{name} is required");

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var values) ? values : [];

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var values) && values.Count > 0 ? int.Parse(values[0], CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        _values.TryGetValue(name, out var values) && values.Count > 0 ? double.Parse(values[0], CultureInfo.InvariantCulture) : fallback;
}
