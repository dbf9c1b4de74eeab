namespace Search.Core.Quotes;

/// <summary>
/// A quotation as a document shows it (issue 21): the quoted words, who the text says said them (null
/// when it does not name them) with the title it gives, and where they are in the body (<c>body[Start..End]</c>).
/// </summary>
public sealed record Quotation(string? Speaker, string? Role, string Text, int Start, int End);
