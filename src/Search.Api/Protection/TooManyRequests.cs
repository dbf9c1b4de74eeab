using System.Globalization;

namespace Search.Api.Protection;

/// <summary>The one answer every limit gives past its bound: 429, a problem saying when to come back, and <c>Retry-After</c>.</summary>
public static class TooManyRequests
{
    public static IResult Answer(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem($"Too many requests from this client; try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Slow down");
    }
}
