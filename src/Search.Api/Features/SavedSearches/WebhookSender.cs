using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Search.Core.Following;

namespace Search.Api.Features.SavedSearches;

/// <summary>
/// Posts one alert to its webhook: JSON with the saved search, the documents and the idempotency key
/// (also in the <c>Idempotency-Key</c> header). Redirects are not followed, no proxy is used, and the
/// connection is made only to addresses <see cref="WebhookPolicy"/> allows, checked after resolving.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private readonly HttpClient _client;

    public WebhookSender(WebhookPolicy policy, IOptions<WebhookOptions> options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                    ? [literal]
                    : await Dns.GetHostAddressesAsync(host, cancellationToken);
                var allowed = addresses.Where(a => policy.MayConnect(host, a)).ToArray();
                if (allowed.Length == 0)
                    throw new HttpRequestException($"{host} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}, which webhooks may not reach.");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _client = new HttpClient(handler) { Timeout = options.Value.Timeout };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Search.Api-alerts/1.0");
    }

    /// <summary>Null when the receiver acknowledged the alert (2xx); else why not.</summary>
    public async Task<string?> SendAsync(PendingAlert alert, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, alert.Webhook) { Content = new ByteArrayContent(Payload(alert)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", alert.IdempotencyKey);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
                return null;
            return (int)response.StatusCode is >= 300 and < 400
                ? $"{(int)response.StatusCode}: the receiver redirects, and redirects are not followed"
                : $"{(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {_client.Timeout.TotalSeconds:0.#} s";
        }
    }

    /// <summary>The JSON the receiver gets (the documents as the outbox keeps them).</summary>
    public static byte[] Payload(PendingAlert alert)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartObject();
            json.WriteString("idempotencyKey", alert.IdempotencyKey);
            json.WriteStartObject("savedSearch");
            json.WriteString("id", alert.SearchId);
            json.WriteString("name", alert.SearchName);
            json.WriteEndObject();
            json.WritePropertyName("documents");
            json.WriteRawValue(Encoding.UTF8.GetBytes(alert.Documents));
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public void Dispose() => _client.Dispose();
}
