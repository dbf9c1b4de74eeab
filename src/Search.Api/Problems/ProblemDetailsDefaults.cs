using Microsoft.AspNetCore.Http.Features;
using Search.Api.Features.Documents;
using Search.Api.Features.Pages;

namespace Search.Api.Problems;

/// <summary>
/// Says what went wrong in the problems the framework writes by itself (unknown route, wrong
/// method, wrong content type), which otherwise carry only a status, and never more: no
/// exception text or stack trace leaves the service.
/// </summary>
public static class ProblemDetailsDefaults
{
    public static void Explain(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var request = context.HttpContext.Request;
        problem.Instance ??= request.Path;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status400BadRequest => "The request cannot be read; check its parameters and body.",
            StatusCodes.Status404NotFound => $"There is nothing at {request.Method} {request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}.",
            StatusCodes.Status415UnsupportedMediaType =>
                $"Content-Type '{request.ContentType}' is not accepted here; send one of: {string.Join(", ", AcceptedMediaTypes(request.Path))}.",
            StatusCodes.Status413PayloadTooLarge => "The request body is too large; send it in smaller parts.",
            StatusCodes.Status500InternalServerError => "The service failed to answer this request; it has been logged.",
            _ => null,
        };
        if (context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity is { } activity)
            problem.Extensions.TryAdd("traceId", activity.Id);
    }

    /// <summary>What the endpoint at the path takes: a 415 comes from routing, before any endpoint could say.</summary>
    private static string[] AcceptedMediaTypes(PathString path) =>
        path.StartsWithSegments("/api/pages") ? PageRequestReader.MediaTypes : DocumentEndpoints.MediaTypes;
}
