namespace Search.Core.Export;

/// <summary>One matching document of an export: the document as the archive holds it, and its snippet as plain text.</summary>
public sealed record ExportRow(DocumentRecord Document, string Snippet, float Score);

/// <summary>The order of an export: the search's ranking, or newest first.</summary>
public enum ExportOrder { Relevance, Date }
