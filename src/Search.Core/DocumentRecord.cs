namespace Search.Core;

/// <summary>A document of the archive: what people sent us, validated.</summary>
/// <param name="Date">Publication date; null when the document is undated.</param>
public sealed record DocumentRecord(
    string Id,
    string Title,
    DateOnly? Date,
    string Body,
    string Source,
    string Lang = "ar",
    string? Category = null,
    string? Url = null)
{
    public const string IsoDateFormat = "yyyy-MM-dd";

    public string? IsoDate => Date?.ToString(IsoDateFormat, System.Globalization.CultureInfo.InvariantCulture);
}
