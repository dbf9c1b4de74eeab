namespace Search.Eval;

/// <summary>--name value options (repeatable) and positional arguments.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, List<string>> _named = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                var name = args[i][2..];
                if (!options._named.TryGetValue(name, out var values))
                    options._named[name] = values = [];
                values.Add(args[++i]);
            }
            else
            {
                options.Positional.Add(args[i]);
            }
        }
        return options;
    }

    public string? Single(string name) => _named.TryGetValue(name, out var values) ? values[^1] : null;

    public string Required(string name) => Single(name) ?? throw new ArgumentException($"--{name} is required");

    public IEnumerable<string> All(string name) => _named.TryGetValue(name, out var values) ? values : [];
}
