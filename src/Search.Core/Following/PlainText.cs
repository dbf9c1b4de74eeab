using System.Net;

namespace Search.Core.Following;

/// <summary>A snippet as text for places that show no HTML (feeds' summaries, alerts, exports): marks dropped, escapes undone.</summary>
public static class PlainText
{
    public static string OfSnippet(string html) =>
        WebUtility.HtmlDecode(html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));
}
