namespace Search.Core.Retrieval;

/// <summary>A stored document with a query's matches marked, for reading it.</summary>
/// <param name="TitleHtml">The title HTML-escaped, each match in <c>&lt;mark&gt;</c>.</param>
/// <param name="BodyHtml">The whole body HTML-escaped, each match in <c>&lt;mark&gt;</c>; paragraphs stay separated by <c>\n</c>.</param>
public sealed record HighlightedDocument(DocumentRecord Document, string TitleHtml, string BodyHtml);
