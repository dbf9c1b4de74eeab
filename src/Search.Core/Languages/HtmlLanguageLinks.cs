using AngleSharp.Dom;
using Search.Core.Ingest.Pages;

namespace Search.Core.Languages;

/// <summary>What an HTML page says of its own language and of its versions in other languages.</summary>
/// <param name="Declared">The page's own language code, or null when it declares none.</param>
/// <param name="Versions">One link per other language, to an absolute address.</param>
internal sealed record PageLanguages(string? Declared, IReadOnlyList<VersionLink> Versions);

/// <summary>
/// Reads a page's language and the addresses of its other-language versions. Its language:
/// <c>&lt;html lang&gt;</c> (or <c>xml:lang</c>), <c>og:locale</c>, the <c>content-language</c> meta, or
/// the alternate link that points to the page itself. Its versions, the first found for each
/// language: <c>&lt;link rel="alternate" hreflang&gt;</c>, then links of a language switch marked
/// with <c>hreflang</c> or <c>lang</c>, then links whose text names a language (<c>En</c>,
/// <c>English</c>, <c>Русский</c>, <c>Français</c>, <c>العربية</c>). Relative addresses are resolved
/// against <c>&lt;base href&gt;</c> or the page's own address; a link that cannot be made absolute,
/// points to the page itself or to its language, or leads to a site's home in that language
/// (<c>/en/</c>: sites' switches often do, and a home page is no version of a statement) is left out.
/// </summary>
internal static class HtmlLanguageLinks
{
    /// <summary>Last segments of a site's home page: <c>/en/index.html</c> is as much a home as <c>/en/</c>.</summary>
    private static readonly HashSet<string> HomePages = new(StringComparer.OrdinalIgnoreCase)
    {
        "index.html", "index.htm", "index.php", "index.aspx", "default.aspx", "home", "main", "index",
    };

    private static readonly HashSet<string> LanguageParameters = new(StringComparer.OrdinalIgnoreCase) { "lang", "language", "hl", "locale", "l" };

    /// <param name="pageUrl">The page's own address (canonical link, <c>og:url</c> or the one it was sent with), or null.</param>
    public static PageLanguages Read(IDocument document, string? pageUrl)
    {
        var baseUri = Absolute(document.QuerySelector("base[href]")?.GetAttribute("href"), null) ?? Absolute(pageUrl, null);
        var self = baseUri is null || pageUrl is null ? null : PageIds.NormalizeUrl(Absolute(pageUrl, null)!.AbsoluteUri);

        var candidates = new List<(string Lang, Uri Target)>();
        void Add(string? lang, string? href)
        {
            if (LanguageTags.Normalize(lang) is { } code && Absolute(href, baseUri) is { } target)
                candidates.Add((code, target));
        }
        foreach (var link in document.QuerySelectorAll("link[rel~=alternate][hreflang][href]"))
            Add(link.GetAttribute("hreflang"), link.GetAttribute("href"));
        foreach (var anchor in document.QuerySelectorAll("a[hreflang][href]"))
            Add(anchor.GetAttribute("hreflang"), anchor.GetAttribute("href"));
        foreach (var anchor in document.QuerySelectorAll("a[lang][href]"))
            Add(anchor.GetAttribute("lang"), anchor.GetAttribute("href"));
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
            Add(LanguageTags.FromLabel(PageText.Clean(anchor.TextContent)), anchor.GetAttribute("href"));

        var declared = Declared(document)
            ?? candidates.Where(c => PageIds.NormalizeUrl(c.Target.AbsoluteUri) == self).Select(c => c.Lang).FirstOrDefault();
        var versions = candidates
            .Where(c => c.Lang != declared && PageIds.NormalizeUrl(c.Target.AbsoluteUri) != self && !IsHome(c.Target))
            .DistinctBy(c => c.Lang)
            .Select(c => new VersionLink(c.Lang, c.Target.AbsoluteUri))
            .ToList();
        return new PageLanguages(declared, versions);
    }

    private static string? Declared(IDocument document)
    {
        var root = document.DocumentElement;
        var metaLocale = document.QuerySelector("meta[property='og:locale'][content]")?.GetAttribute("content");
        var contentLanguage = document.QuerySelectorAll("meta[http-equiv][content]")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("http-equiv"), "content-language", StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content")?.Split(',')[0];
        return LanguageTags.Normalize(root.GetAttribute("lang")) ?? LanguageTags.Normalize(root.GetAttribute("xml:lang"))
            ?? LanguageTags.Normalize(metaLocale) ?? LanguageTags.Normalize(contentLanguage);
    }

    /// <summary>The address made absolute against the base; null for fragments, scripts, mail and what cannot be resolved.</summary>
    private static Uri? Absolute(string? href, Uri? baseUri)
    {
        var text = href?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith('#'))
            return null;
        var uri = Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute
            : baseUri is not null && !text.Contains(':') && Uri.TryCreate(baseUri, text, out var resolved) ? resolved
            : null;
        return uri is null || uri.Scheme is not ("http" or "https") ? null : uri;
    }

    /// <summary>
    /// A site's home, in any language: no segment of its path but language codes and an index page,
    /// and no parameter but the language (<c>/?lang=en</c> is a home, <c>/?id=12&amp;lang=en</c> a page).
    /// </summary>
    private static bool IsHome(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parameters = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        return segments.All(segment => HomePages.Contains(segment) || (segment.Length <= 5 && LanguageTags.Normalize(segment) is not null))
            && parameters.All(parameter => LanguageParameters.Contains(parameter.Split('=')[0]));
    }
}
