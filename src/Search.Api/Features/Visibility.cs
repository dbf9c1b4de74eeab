using Microsoft.AspNetCore.Http.HttpResults;

namespace Search.Api.Features;

/// <summary>What <c>?wait=true</c> does on the ingest endpoints.</summary>
public static class Visibility
{
    /// <summary>How long a request waits for what it stored to become searchable.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>Reads <c>?wait=</c>: absent, true or false; anything else is a 400 that says so.</summary>
    public static bool TryReadWait(string? text, out bool wait, out ProblemHttpResult problem)
    {
        wait = false;
        problem = null!;
        if (string.IsNullOrWhiteSpace(text) || bool.TryParse(text.Trim(), out wait))
            return true;
        problem = TypedResults.Problem($"'wait' takes true or false, not '{text}'.", statusCode: StatusCodes.Status400BadRequest,
            title: "The request cannot be read.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["wait"] = ["use true or false"] } });
        return false;
    }
}
