using System.Security.Cryptography;
using System.Text;

namespace Search.Core.Ingest.Pages;

/// <summary>
/// Stable ids for pages, which carry none: from the page's address when it states one (canonical
/// link, og:url, a URL line, or the address given with it), so that a page fetched again replaces
/// itself; otherwise from what was read of it (title, date, body), so that the same page is one
/// document whatever its file is called, wherever it lies and however it is encoded. The file's
/// path is deliberately not part of it: the inbox and the CLI name the same file differently.
/// </summary>
internal static class PageIds
{
    private const string Prefix = "page-";

    public static string FromUrl(string url) => Prefix + Hash("url\n" + NormalizeUrl(url));

    public static string FromContent(string title, DateOnly? date, string body) =>
        Prefix + Hash($"content\n{title}\n{date?.ToString(DocumentRecord.IsoDateFormat, System.Globalization.CultureInfo.InvariantCulture)}\n{body}");

    /// <summary>
    /// One spelling of a web address: http and https alike, the host in lower case without
    /// <c>www.</c>, no default port, fragment or trailing slash. Other text is only trimmed.
    /// </summary>
    public static string NormalizeUrl(string url)
    {
        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return trimmed;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
            host = host[4..];
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port;
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        return $"//{host}{port}{path}{uri.Query}";
    }

    /// <summary>80 bits of SHA-256: no two pages of any archive meet by chance, and the id stays short.</summary>
    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 10));
}
