using System.Text.Json.Serialization;

namespace Search.Client.Contracts;

/// <summary>
/// A document as sent to and returned by the service, in the schema of the JSON Lines archives
/// (unknown fields are ignored when reading).
/// </summary>
/// <param name="Date">Publication date, <c>yyyy-MM-dd</c>; null or absent when unknown.</param>
public sealed record ArchiveDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("date")] string? Date,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("url")] string? Url);
