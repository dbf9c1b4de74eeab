using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Search.Client.Contracts;

namespace Search.Client;

/// <summary>Builds the <c>application/x-ndjson</c> body that <c>POST /api/documents</c> takes.</summary>
public static class NdjsonContent
{
    public const string MediaType = "application/x-ndjson";

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static HttpContent FromDocuments(IEnumerable<ArchiveDocument> documents)
    {
        var builder = new StringBuilder();
        foreach (var document in documents)
            builder.Append(JsonSerializer.Serialize(document, Options)).Append('\n');
        return FromLines(builder.ToString());
    }

    /// <summary>Wraps lines that are already JSON documents, one a line, without re-encoding them.</summary>
    public static HttpContent FromLines(string lines)
    {
        var content = new StringContent(lines, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(MediaType) { CharSet = "utf-8" };
        return content;
    }
}
