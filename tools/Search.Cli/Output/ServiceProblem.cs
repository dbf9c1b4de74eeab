using System.Net;
using System.Text.Json;
using Refit;

namespace Search.Cli.Output;

/// <summary>Why the service refused a request: the status and the RFC 7807 problem details it answered with.</summary>
public sealed record ServiceProblem(HttpStatusCode Status, string? Reason, string? Title, string? Detail, IReadOnlyList<ProblemError> Errors)
{
    public string StatusLine => $"{(int)Status} {Reason ?? Status.ToString()}";

    public static ServiceProblem From(ApiException exception)
    {
        var problem = new ServiceProblem(exception.StatusCode, exception.ReasonPhrase, null, null, []);
        var body = exception.Content;
        if (string.IsNullOrWhiteSpace(body))
            return problem;
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                ? problem with
                {
                    Title = ReadString(json.RootElement, "title"),
                    Detail = ReadString(json.RootElement, "detail"),
                    Errors = json.RootElement.TryGetProperty("errors", out var errors) ? ReadErrors(errors) : [],
                }
                : problem with { Detail = body.Trim() };
        }
        catch (JsonException)
        {
            return problem with { Detail = body.Trim() };
        }
    }

    /// <summary>Reads the service's <c>[{line, id, reason}]</c>, and also ASP.NET's <c>{field: [messages]}</c> validation shape.</summary>
    private static List<ProblemError> ReadErrors(JsonElement errors) => errors.ValueKind switch
    {
        JsonValueKind.Array => errors.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Object
                ? new ProblemError(
                    e.TryGetProperty("line", out var line) && line.TryGetInt32(out var number) ? number : null,
                    ReadString(e, "id"),
                    ReadString(e, "reason") ?? e.GetRawText())
                : new ProblemError(null, null, e.ToString()))
            .ToList(),
        JsonValueKind.Object => errors.EnumerateObject()
            .SelectMany(field => field.Value.ValueKind == JsonValueKind.Array
                ? field.Value.EnumerateArray().Select(message => new ProblemError(null, field.Name, message.ToString()))
                : [new ProblemError(null, field.Name, field.Value.ToString())])
            .ToList(),
        _ => [],
    };

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
}

/// <param name="Line">Line of the request body, from 1, when the error is about one document.</param>
public sealed record ProblemError(int? Line, string? Id, string Reason);
