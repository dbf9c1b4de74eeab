using Search.Core.Text;

namespace Search.Core.Ingest.Pages;

/// <summary>
/// Separates a headline from the site name that <c>&lt;title&gt;</c> and <c>og:title</c> often
/// carry: <c>الخبر | اسم الموقع</c>, <c>الخبر - اسم الموقع</c>, or the site first.
/// </summary>
internal static class SiteTitle
{
    private const int MaxSiteNameWords = 5;

    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " ¦ ", " || "];

    /// <summary>The headline and the site name split off it (null when none was).</summary>
    public static (string Headline, string? SiteName) Split(string title, string? knownSiteName)
    {
        if (!string.IsNullOrEmpty(knownSiteName))
        {
            var site = Fold(knownSiteName);
            foreach (var separator in Separators)
            {
                var cut = title.LastIndexOf(separator, StringComparison.Ordinal);
                if (cut > 0 && Fold(title[(cut + separator.Length)..]) == site)
                    return (title[..cut].Trim(), knownSiteName);
                cut = title.IndexOf(separator, StringComparison.Ordinal);
                if (cut > 0 && Fold(title[..cut]) == site)
                    return (title[(cut + separator.Length)..].Trim(), knownSiteName);
            }
        }
        // Without a known name, the last part is the site's when it is short and the rest is longer.
        var (at, length) = Separators
            .Select(separator => (At: title.LastIndexOf(separator, StringComparison.Ordinal), separator.Length))
            .MaxBy(found => found.At);
        if (at <= 0)
            return (title, null);
        var headline = title[..at].Trim();
        var suffix = title[(at + length)..].Trim();
        var suffixWords = PageText.WordCount(suffix);
        return suffixWords is > 0 and <= MaxSiteNameWords && PageText.WordCount(headline) > suffixWords
            ? (headline, suffix)
            : (title, null);
    }

    private static string Fold(string text) =>
        string.Join(' ', PageText.Clean(text).Split(' ').Select(word => ArabicLetters.Fold(word)));
}
