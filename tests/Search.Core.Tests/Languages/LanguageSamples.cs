using System.Text.Json;

namespace Search.Core.Tests.Languages;

/// <summary>
/// The texts language detection is measured on (<c>language-samples.jsonl</c> beside this file),
/// written for this project, not copied from any site: in Arabic, English, French and Russian, the
/// same statements as titles (<c>short</c>), one-line statements (<c>line</c>) and paragraphs
/// (<c>long</c>), and texts quoting names, acronyms, addresses or sentences in another language
/// (<c>mixed</c>); a few in German, Spanish, Italian, Persian and other scripts. docs/languages.md
/// has the table they give (<c>Search.Eval languages</c>).
/// </summary>
public static class LanguageSamples
{
    public sealed record Sample(string Lang, string Kind, string Text)
    {
        public override string ToString() => $"{Lang}/{Kind}: {Text}";
    }

    private const string RelativePath = "tests/Search.Core.Tests/Languages/language-samples.jsonl";

    public static IReadOnlyList<Sample> All { get; } = Load();

    /// <summary>The four languages with an analysis of their own.</summary>
    public static readonly string[] Analysed = ["ar", "en", "fr", "ru"];

    private static List<Sample> Load()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, RelativePath);
            if (File.Exists(path))
                return File.ReadLines(path).Where(line => line.Length > 0)
                    .Select(line => JsonSerializer.Deserialize<Sample>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
                    .ToList();
        }
        throw new FileNotFoundException($"{RelativePath} was not found above {AppContext.BaseDirectory}");
    }
}
