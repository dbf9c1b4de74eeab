using System.Net.Http.Headers;
using System.Text.Json;

namespace Search.Api.Tests.TestSupport;

/// <summary>
/// Checks every response a hostile test gets, whatever the test asserts besides: never a 5xx;
/// every 4xx an <c>application/problem+json</c> body with status, title and detail or errors; and
/// no body holding a stack frame, an exception's name, or a path of the data folder.
/// </summary>
public sealed class ResponseCheck(string dataPath) : DelegatingHandler
{
    private static int _checked;

    /// <summary>How many responses have been checked in this test run.</summary>
    public static int Checked => Volatile.Read(ref _checked);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Verify($"{request.Method} {request.RequestUri?.PathAndQuery}", request.Method, (int)response.StatusCode,
            response.Content.Headers.ContentType, body, dataPath);
        Interlocked.Increment(ref _checked);
        return response;
    }

    /// <summary>The checks, for responses got some other way (e.g. <c>TestServer.SendAsync</c>).</summary>
    public static void Verify(string what, HttpMethod method, int status, MediaTypeHeaderValue? contentType, string body, string dataPath)
    {
        var shown = body.Length > 600 ? body[..600] + "…" : body;
        Assert.False(status >= 500, $"{what}: {status} {shown}");
        AssertNoLeak(what, body, dataPath);
        if (status < 400 || method == HttpMethod.Head)
            return;
        Assert.True(contentType?.MediaType == "application/problem+json", $"{what}: {status} with content type '{contentType}': {shown}");
        JsonElement problem;
        try
        {
            using var json = JsonDocument.Parse(body);
            problem = json.RootElement.Clone();
        }
        catch (JsonException e)
        {
            Assert.Fail($"{what}: {status} with a body that is not JSON ({e.Message}): {shown}");
            return;
        }
        Assert.True(problem.TryGetProperty("status", out var statusProperty) && statusProperty.GetInt32() == status, $"{what}: no status {status} in {shown}");
        Assert.True(problem.TryGetProperty("title", out var title) && !string.IsNullOrWhiteSpace(title.GetString()), $"{what}: no title in {shown}");
        var hasDetail = problem.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString());
        Assert.True(hasDetail || problem.TryGetProperty("errors", out _), $"{what}: neither detail nor errors in {shown}");
    }

    public static void AssertNoLeak(string what, string body, string dataPath)
    {
        var shown = body.Length > 600 ? body[..600] + "…" : body;
        Assert.False(body.Contains("   at ", StringComparison.Ordinal), $"{what}: a stack frame in {shown}");
        Assert.False(body.Contains(".cs:line", StringComparison.Ordinal), $"{what}: a source line in {shown}");
        Assert.False(body.Contains("Exception", StringComparison.Ordinal), $"{what}: an exception in {shown}");
        Assert.False(body.Contains(dataPath, StringComparison.Ordinal), $"{what}: the data folder in {shown}");
        Assert.False(body.Contains("search-api-tests", StringComparison.Ordinal), $"{what}: a data path in {shown}");
        Assert.False(body.Contains(AppContext.BaseDirectory, StringComparison.Ordinal), $"{what}: the service's folder in {shown}");
    }
}
