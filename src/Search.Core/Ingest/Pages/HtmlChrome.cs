using AngleSharp.Dom;

namespace Search.Core.Ingest.Pages;

/// <summary>
/// What of an HTML page is not the article. Code and controls (scripts, styles, buttons, frames)
/// never are. Page chrome is known by tag (nav, header outside the article, footer, aside, form),
/// by ARIA role, or by words in its class and id (share, social, related, comments, menu, sidebar,
/// breadcrumb, ads, newsletter, …) — whole words of the class, so "shadow" is not "ad".
/// Whether chrome holds too much of the page's text to be chrome is <see cref="HtmlLayout"/>'s call.
/// </summary>
internal static class HtmlChrome
{
    private static readonly HashSet<string> CodeTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "button", "input",
        "select", "textarea", "option", "label", "dialog", "link", "meta",
    };

    private static readonly HashSet<string> ChromeTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "footer", "aside", "form", "menu", "figcaption",
    };

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar", "dialog", "alert",
    };

    private static readonly HashSet<string> ChromeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "sharing", "sharer", "shares", "social", "socials", "sharethis", "addthis", "related", "comment", "comments",
        "disqus", "breadcrumb", "breadcrumbs", "menu", "menus", "nav", "navbar", "navigation", "footer", "sidebar", "widget",
        "widgets", "ad", "ads", "advert", "adverts", "advertisement", "banner", "promo", "newsletter", "subscribe",
        "subscription", "tags", "tag", "print", "popup", "modal", "cookie", "cookies", "toolbar", "pagination", "pager",
        "skip", "masthead", "logo", "trending", "popular", "recommended", "outbrain", "taboola", "readmore", "more-news",
        "most-read", "copyright", "rss", "caption", "credit",
    };

    /// <summary>Scripts, styles and controls: never text of the article, wherever they are.</summary>
    public static bool IsCode(IElement element) =>
        CodeTags.Contains(element.LocalName) || element.HasAttribute("hidden");

    /// <summary>Page chrome by tag, role or class/id words; a <c>header</c> only outside the article.</summary>
    public static bool IsChrome(IElement element)
    {
        if (ChromeTags.Contains(element.LocalName))
            return true;
        if (element.LocalName == "header" && element.Closest("article, main, [role=main], [itemprop=articleBody]") is null)
            return true;
        if (element.GetAttribute("role") is { } role && ChromeRoles.Contains(role.Trim()))
            return true;
        return HasChromeWord(element.GetAttribute("class")) || HasChromeWord(element.Id);
    }

    /// <summary>The words of class names and ids: <c>post-share_bar socialLinks</c> gives post, share, bar, social, links.</summary>
    public static IEnumerable<string> Words(string? names)
    {
        if (string.IsNullOrWhiteSpace(names))
            yield break;
        foreach (var name in names.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            yield return name;
            var start = 0;
            for (var i = 1; i <= name.Length; i++)
            {
                if (i < name.Length && !(name[i] is '-' or '_') && !(char.IsUpper(name[i]) && char.IsLower(name[i - 1])))
                    continue;
                if (i > start)
                    yield return name[start..i].Trim('-', '_');
                start = i;
            }
        }
    }

    private static bool HasChromeWord(string? names) => Words(names).Any(ChromeWords.Contains);
}
