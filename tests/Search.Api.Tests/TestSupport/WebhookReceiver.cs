using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Search.Api.Tests.TestSupport;

/// <summary>
/// A real HTTP server on a loopback port (Kestrel) that receives webhooks as a subscriber would: it
/// keeps every request (idempotency key and JSON), answers 503 to as many as it is told to fail, and
/// records which keys it acknowledged.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        _failuresLeft = failFirst;
    }

    /// <summary>Every request received, in order, acknowledged or not.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The address to give as a webhook.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Refuse every request (503) until set back.</summary>
    public volatile bool Down;

    public IReadOnlyList<Received> Acknowledged => Requests.Where(r => r.Acknowledged).ToList();

    /// <summary>The ids of the documents of the acknowledged requests, each once per request that carried it.</summary>
    public IReadOnlyList<string> DeliveredIds => Acknowledged.SelectMany(r => r.DocumentIds).ToList();

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body);
            var root = json.RootElement.Clone();
            var fail = receiver.Down || Interlocked.Decrement(ref receiver._failuresLeft) >= 0;
            receiver.Requests.Enqueue(new Received(context.Request.Headers["Idempotency-Key"].ToString(), root, !fail));
            return fail ? Results.StatusCode(503) : Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Received(string IdempotencyKey, JsonElement Body, bool Acknowledged)
    {
        public IReadOnlyList<string> DocumentIds => Body.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
    }
}
