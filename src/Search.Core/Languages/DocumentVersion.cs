namespace Search.Core.Languages;

/// <summary>A version of a document in another language.</summary>
/// <param name="Lang">Its language (as given, else found from its title and first paragraphs).</param>
public sealed record DocumentVersion(string Lang, string Id, string Title);
