using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Search.Client.Contracts;

namespace Search.Api.Tests.TestSupport;

/// <summary>Raw HTTP calls for the tests where status codes, headers and bodies matter.</summary>
public static class Http
{
    public const string ProblemJson = "application/problem+json";

    public static Task<HttpResponseMessage> PostNdjsonAsync(this HttpClient client, string lines, bool wait = false) =>
        client.PostDocumentsAsync(Encoding.UTF8.GetBytes(lines), "application/x-ndjson", wait);

    public static Task<HttpResponseMessage> PostNdjsonAsync(this HttpClient client, IEnumerable<ArchiveDocument> documents, bool wait = false) =>
        client.PostNdjsonAsync(Statements.ToNdjson(documents), wait);

    public static Task<HttpResponseMessage> PostJsonArrayAsync(this HttpClient client, string json, bool wait = false) =>
        client.PostDocumentsAsync(Encoding.UTF8.GetBytes(json), "application/json", wait);

    public static Task<HttpResponseMessage> PostJsonArrayAsync(this HttpClient client, IEnumerable<ArchiveDocument> documents, bool wait = false) =>
        client.PostJsonArrayAsync(Statements.ToJsonArray(documents), wait);

    /// <summary>POSTs raw bytes to <c>/api/documents</c> with the content type given (none when null).</summary>
    public static Task<HttpResponseMessage> PostDocumentsAsync(this HttpClient client, byte[] body, string? contentType, bool wait = false)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(wait ? "/api/documents?wait=true" : "/api/documents", content);
    }

    /// <summary>Asserts a 202 and returns its body.</summary>
    public static async Task<IngestResponse> ReadAcceptedAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<IngestResponse>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// <summary>Asserts an RFC 7807 problem with that status and returns its JSON.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        var problem = json.RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>The <c>errors</c> of a document problem: one entry per refused document.</summary>
    public static IReadOnlyList<DocumentProblem> DocumentErrors(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray()
            .Select(e => new DocumentProblem(
                e.GetProperty("line").GetInt32(),
                e.TryGetProperty("id", out var id) ? id.GetString() : null,
                e.TryGetProperty("field", out var field) ? field.GetString() : null,
                e.GetProperty("reason").GetString() ?? ""))
            .ToList();

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {uri}: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }
}

public sealed record DocumentProblem(int Line, string? Id, string? Field, string Reason);
