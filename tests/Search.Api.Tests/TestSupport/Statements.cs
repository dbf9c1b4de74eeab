using System.Text;
using System.Text.Json;
using Search.Client.Contracts;

namespace Search.Api.Tests.TestSupport;

/// <summary>Short Arabic statements written for these tests, and their wire forms.</summary>
public static class Statements
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ArchiveDocument Doc(string id, string body, string? date = "2021-06-01", string source = "وكالة الأنباء", string title = "بيان") =>
        new(id, title, date, body, source, "ar", null, null);

    /// <summary>A word no other document holds (Latin letters and digits pass the analyzer unchanged).</summary>
    public static string UniqueWord() => "w" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A unique document id, so that tests sharing a service never touch each other's documents.</summary>
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static string ToJson(ArchiveDocument document) => JsonSerializer.Serialize(document, Json);

    /// <summary>One JSON document a line, each line ending in a line feed.</summary>
    public static string ToNdjson(IEnumerable<ArchiveDocument> documents)
    {
        var lines = new StringBuilder();
        foreach (var document in documents)
            lines.Append(ToJson(document)).Append('\n');
        return lines.ToString();
    }

    public static string ToJsonArray(IEnumerable<ArchiveDocument> documents) => JsonSerializer.Serialize(documents, Json);
}
