namespace Search.Client.Contracts;

/// <summary>A stored document with its title and whole body marked for a query, for reading it.</summary>
/// <param name="TitleHtml">The title HTML-escaped, each match in <c>&lt;mark&gt;</c>.</param>
/// <param name="BodyHtml">The whole body HTML-escaped, each match in <c>&lt;mark&gt;</c>; paragraphs stay separated by <c>\n</c>.</param>
public sealed record HighlightedDocument(ArchiveDocument Document, string TitleHtml, string BodyHtml);
