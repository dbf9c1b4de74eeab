using System.Text.Json;
using AngleSharp.Dom;
using Search.Core.Text.Dates;

namespace Search.Core.Ingest.Pages;

/// <summary>
/// What an HTML page says about itself in its head: Open Graph and other meta tags, the canonical
/// link, JSON-LD (<c>datePublished</c>, <c>headline</c>, <c>publisher</c>), <c>&lt;title&gt;</c> and
/// <c>&lt;html lang&gt;</c>.
/// </summary>
internal sealed record HtmlMetadata(string? Title, DateOnly? Date, string? SiteName, string? Url, string? DocumentTitle, string? Lang)
{
    private static readonly string[] TitleKeys = ["og:title", "twitter:title", "title", "dc.title"];

    private static readonly string[] DateKeys =
    [
        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
        "publish_date", "publication_date", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued",
        "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "date.release",
    ];

    private static readonly string[] SiteNameKeys = ["og:site_name", "application-name", "publisher", "dc.publisher"];

    private static readonly string[] UrlKeys = ["og:url", "twitter:url"];

    public static HtmlMetadata Read(IDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta[content]"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
            var content = PageText.Clean(element.GetAttribute("content") ?? "");
            if (key is not null && content.Length > 0)
                meta.TryAdd(key.Trim(), content);
        }
        var linkedData = LinkedData.Read(document);

        var date = DateKeys.Select(key => meta.GetValueOrDefault(key)).Append(linkedData.DatePublished)
            .Select(text => DateReader.TryRead(text, out var d) ? d : (DateOnly?)null)
            .FirstOrDefault(d => d is not null);
        var canonical = document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href");
        var lang = document.DocumentElement.GetAttribute("lang")?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return new HtmlMetadata(
            First(meta, TitleKeys) ?? linkedData.Headline,
            date,
            SiteNameKeys.Select(meta.GetValueOrDefault).FirstOrDefault(name => !string.IsNullOrEmpty(name) && AbsoluteUrl(name) is null)
                ?? linkedData.Publisher,
            AbsoluteUrl(canonical) ?? AbsoluteUrl(First(meta, UrlKeys)) ?? AbsoluteUrl(linkedData.Url),
            document.QuerySelector("title") is { } title ? PageText.Clean(title.TextContent) : null,
            string.IsNullOrEmpty(lang) ? null : lang);
    }

    private static string? First(Dictionary<string, string> meta, string[] keys) =>
        keys.Select(meta.GetValueOrDefault).FirstOrDefault(value => !string.IsNullOrEmpty(value));

    /// <summary>Only absolute web addresses identify a page; a relative canonical link says nothing alone.</summary>
    private static string? AbsoluteUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? url!.Trim()
            : null;

    /// <summary>The first <c>datePublished</c>, <c>headline</c>, publisher name and <c>url</c> in the page's JSON-LD blocks, at any depth.</summary>
    private sealed record LinkedData(string? DatePublished, string? Headline, string? Publisher, string? Url)
    {
        public static LinkedData Read(IDocument document)
        {
            var found = new LinkedData(null, null, null, null);
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    found = found.Visit(json.RootElement, depth: 0);
                }
                catch (JsonException)
                {
                    // A broken block is common on real sites and says nothing; the page's other metadata still counts.
                }
            }
            return found;
        }

        private LinkedData Visit(JsonElement element, int depth)
        {
            if (depth > 8)
                return this;
            var found = this;
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                    found = found.Visit(item, depth + 1);
                return found;
            }
            if (element.ValueKind != JsonValueKind.Object)
                return found;
            found = found with
            {
                DatePublished = found.DatePublished ?? String(element, "datePublished") ?? String(element, "dateCreated"),
                Headline = found.Headline ?? String(element, "headline"),
                Publisher = found.Publisher ?? PublisherName(element),
                Url = found.Url ?? (IsArticle(element) ? String(element, "url") : null),
            };
            foreach (var property in element.EnumerateObject())
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && property.Name != "publisher")
                    found = found.Visit(property.Value, depth + 1);
            return found;
        }

        private static string? PublisherName(JsonElement element)
        {
            if (!element.TryGetProperty("publisher", out var publisher))
                return null;
            if (publisher.ValueKind == JsonValueKind.Array)
                publisher = publisher.EnumerateArray().FirstOrDefault();
            return publisher.ValueKind == JsonValueKind.String ? Cleaned(publisher.GetString()) : String(publisher, "name");
        }

        private static bool IsArticle(JsonElement element) =>
            String(element, "@type") is { } type && type.Contains("Article", StringComparison.OrdinalIgnoreCase);

        private static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? Cleaned(value.GetString())
                : null;

        private static string? Cleaned(string? text) => string.IsNullOrWhiteSpace(text) ? null : PageText.Clean(text);
    }
}
