using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Search.Core.Following;

namespace Search.Api.Features.Feeds;

/// <summary>
/// Writes an Atom 1.0 document (RFC 4287) of feed entries. Everything in it comes from the entries and
/// the request's address, nothing from the clock, so the same results give the same bytes: the ETag is
/// their hash, and a feed reader polling an unchanged search is answered 304.
/// </summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <param name="self">The feed's own address (also its id: the same search is the same feed).</param>
    /// <param name="page">The search page showing the same search.</param>
    /// <param name="site">The service's root, for entries without an address of their own.</param>
    public static byte[] Write(string title, string self, string page, string site, IReadOnlyList<FeedEntry> entries)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, "ar");
            xml.WriteElementString("id", Atom, self);
            Text(xml, "title", title);
            xml.WriteElementString("updated", Atom, Rfc3339(Newest(entries) ?? DateTimeOffset.UnixEpoch));
            Link(xml, "self", self, "application/atom+xml");
            Link(xml, "alternate", page, "text/html");
            // A feed-level author covers an entry whose source is empty (RFC 4287 §4.1.1).
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "أرشيف البيانات");
            xml.WriteEndElement();
            xml.WriteElementString("generator", Atom, "Search.Api");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, EntryId(entry.Id));
                Text(xml, "title", entry.Title.Length > 0 ? entry.Title : entry.Id);
                xml.WriteElementString("updated", Atom, Rfc3339(entry.Updated));
                xml.WriteElementString("published", Atom, Rfc3339(entry.Updated));
                Link(xml, "alternate", entry.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out _)
                    ? url
                    : $"{site}/?doc={Uri.EscapeDataString(entry.Id)}", "text/html");
                if (entry.Source.Length > 0)
                {
                    xml.WriteStartElement("author", Atom);
                    xml.WriteElementString("name", Atom, Clean(entry.Source));
                    xml.WriteEndElement();
                }
                Text(xml, "summary", entry.Snippet);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    /// <summary>A stable entry id, the same in every feed and on every poll: a URN of the document's id.</summary>
    public static string EntryId(string documentId) => "urn:search:document:" + Uri.EscapeDataString(documentId);

    /// <summary>A strong validator of the bytes.</summary>
    public static string ETagOf(byte[] feed) => "\"" + Convert.ToHexStringLower(SHA256.HashData(feed))[..32] + "\"";

    /// <summary>
    /// When the feed last changed: when the latest of its entries was stored, not the latest date, since a
    /// statement of 2019 archived today is news to the feed's readers; null for an empty feed.
    /// </summary>
    public static DateTimeOffset? Newest(IReadOnlyList<FeedEntry> entries) => entries.Count == 0 ? null : entries.Max(e => e.Stored);

    private static string Rfc3339(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Text(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name, Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Clean(text));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>Drops the characters XML 1.0 cannot hold (control characters, lone surrogates) that a stored document may carry.</summary>
    private static string Clean(string text)
    {
        var valid = true;
        for (var i = 0; i < text.Length && valid; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else
                valid = XmlConvert.IsXmlChar(text[i]);
        }
        if (valid)
            return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                kept.Append(text[i]).Append(text[++i]);
            else if (XmlConvert.IsXmlChar(text[i]))
                kept.Append(text[i]);
        }
        return kept.ToString();
    }
}
