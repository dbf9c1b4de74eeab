using System.Text.Json.Serialization;

namespace Search.Client.Contracts;

/// <summary>
/// A document as sent to and returned by the service, in the schema of the JSON Lines archives
/// (unknown fields are ignored when reading).
/// </summary>
/// <param name="Date">Publication date, <c>yyyy-MM-dd</c>; null or absent when unknown.</param>
/// <param name="Lang">Its language code (<c>ar</c>, <c>en</c>, <c>ru</c>, <c>fr</c>…); when sent without one, the service finds it from the text.</param>
/// <param name="Translations">Its versions in other languages as sent: ids or addresses, with their language when known.</param>
/// <param name="Versions">Given back by the service: the versions it holds, linked either way.</param>
/// <param name="Quotes">Given back by the service: the quotations it found in the body, with their speakers; absent when it found none.</param>
public sealed record ArchiveDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("lang")] string? Lang,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("translations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TranslationLink>? Translations = null,
    [property: JsonPropertyName("versions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DocumentVersion>? Versions = null,
    [property: JsonPropertyName("quotes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<QuoteInfo>? Quotes = null);

/// <summary>A version in another language as a document names it: its id or its address, and its language when known.</summary>
public sealed record TranslationLink(
    [property: JsonPropertyName("lang"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Lang,
    [property: JsonPropertyName("id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id,
    [property: JsonPropertyName("url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url);

/// <summary>A version of a document in another language that the service holds.</summary>
public sealed record DocumentVersion(string Lang, string Id, string Title);
