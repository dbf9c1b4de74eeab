using Search.Core.Languages;

namespace Search.Core;

/// <summary>A document of the archive: what people sent us, validated.</summary>
/// <param name="Date">Publication date; null when the document is undated.</param>
/// <param name="Lang">
/// Its language code (<c>ar</c>, <c>en</c>, <c>ru</c>, <c>fr</c>…) as its sender gave it or its page declared it;
/// null when none was given, and the language is found from the text (<see cref="DocumentLanguage"/>).
/// What the engine gives back always carries the language it searches the document in.
/// </param>
public sealed record DocumentRecord(
    string Id,
    string Title,
    DateOnly? Date,
    string Body,
    string Source,
    string? Lang = null,
    string? Category = null,
    string? Url = null)
{
    public const string IsoDateFormat = "yyyy-MM-dd";

    public string? IsoDate => Date?.ToString(IsoDateFormat, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Its versions in other languages as it names them (their ids or addresses); links are kept both ways.</summary>
    public IReadOnlyList<VersionLink> Translations { get; init; } = [];

    /// <summary>The language the engine searches the document in: the given one, else the one its text is written in (detected on each call).</summary>
    public string ResolveLanguage() => DocumentLanguage.ForDocument(Lang, Title, Body);

    public bool Equals(DocumentRecord? other) =>
        other is not null && (Id, Title, Date, Body, Source, Lang, Category, Url) == (other.Id, other.Title, other.Date, other.Body, other.Source, other.Lang, other.Category, other.Url)
        && Translations.SequenceEqual(other.Translations);

    public override int GetHashCode() => HashCode.Combine(Id, Title, Date, Body, Source, Lang, Category, Url);
}
