using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Search.Api.Tests.TestSupport;

/// <summary>Requests as sent from a given address (the per-client limits key on it), each answer checked like any other.</summary>
public static class FromAddress
{
    /// <summary>A search from that address: its status and, for a 429, its <c>Retry-After</c> in seconds.</summary>
    public static async Task<(int Status, int? RetryAfter)> SearchAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, string dataPath, string address)
        where TEntryPoint : class
    {
        var context = await factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/api/search";
            c.Request.QueryString = new QueryString("?q=x");
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var type = context.Response.ContentType is { } t ? MediaTypeHeaderValue.Parse(t) : null;
        ResponseCheck.Verify($"GET /api/search from {address}", HttpMethod.Get, context.Response.StatusCode, type, body, dataPath);
        int? retryAfter = int.TryParse(context.Response.Headers.RetryAfter, out var seconds) ? seconds : null;
        return (context.Response.StatusCode, retryAfter);
    }

    /// <summary>A request's context as the limits see it, for acquiring a limiter's permits by hand.</summary>
    public static HttpContext Context(string address, string path = "/api/search")
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        return context;
    }
}
