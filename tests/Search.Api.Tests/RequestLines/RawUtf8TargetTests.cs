using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.RequestLines;

/// <summary>The service on Kestrel on a loopback port: raw UTF-8 in a request line only reaches a real server.</summary>
public sealed class KestrelSearchApiFactory : SearchApiFactory, IAsyncLifetime
{
    public KestrelSearchApiFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public IPEndPoint EndPoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        StartServer();
        var address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        EndPoint = new IPEndPoint(IPAddress.Loopback, address.Port);
        var documents = Statements.ToJsonArray([Statements.Doc("utf8-1", "أعلنت وزارة الصحة اليوم عن حملة تطعيم جديدة.")]);
        var answer = await SendAsync(
            $"POST /api/documents?wait=true HTTP/1.1\r\nHost: x\r\n{AdminKeyHeader}: {AdminKey}\r\nContent-Type: application/json\r\n" +
            $"Content-Length: {Encoding.UTF8.GetByteCount(documents)}\r\nConnection: close\r\n\r\n{documents}");
        Assert.StartsWith("HTTP/1.1 202", answer);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>Writes the request as UTF-8 bytes, as curl sends a pasted address, and reads the whole answer.</summary>
    public async Task<string> SendAsync(string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(EndPoint);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}

/// <summary>
/// An address with Arabic written as it is, not percent-encoded (what people paste into curl), is
/// answered like the same address encoded: Kestrel alone refuses it with an empty 400.
/// </summary>
public sealed class RawUtf8TargetTests(KestrelSearchApiFactory factory) : IClassFixture<KestrelSearchApiFactory>
{
    /// <summary>The search in an answer to HTTP/1.0, which comes whole rather than in chunks.</summary>
    private static SearchResponse Body(string answer) =>
        JsonSerializer.Deserialize<SearchResponse>(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..], JsonSerializerOptions.Web)!;

    [Fact]
    public async Task A_search_with_raw_arabic_in_the_address_finds_what_the_encoded_one_finds()
    {
        var raw = await factory.SendAsync("GET /api/search?q=وزارة%20الصحة&size=3 HTTP/1.0\r\nHost: x\r\n\r\n");
        var encoded = await factory.SendAsync($"GET /api/search?q={Uri.EscapeDataString("وزارة الصحة")}&size=3 HTTP/1.0\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200", raw);
        Assert.Equal(["utf8-1"], Body(raw).Hits.Select(h => h.Id));
        Assert.Equal(Body(encoded).Hits.Select(h => h.Id), Body(raw).Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Requests_after_a_body_on_the_same_connection_are_escaped_too()
    {
        // A POST whose body holds Arabic, then a search written raw, on one kept-alive connection.
        const string body = "[{\"id\":\"utf8-2\",\"body\":\"نص البيان الثاني عن الصحة\"}]";
        var answer = await factory.SendAsync(
            $"POST /api/documents?wait=true HTTP/1.1\r\nHost: x\r\n{SearchApiFactory.AdminKeyHeader}: {SearchApiFactory.AdminKey}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}" +
            "GET /api/search?q=الثاني HTTP/1.0\r\nHost: x\r\n\r\n");

        Assert.Contains("HTTP/1.1 202", answer);
        Assert.Equal(["utf8-2"], Body(answer[answer.LastIndexOf("HTTP/1.1 ", StringComparison.Ordinal)..]).Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task A_raw_arabic_document_id_in_the_path_is_found()
    {
        var answer = await factory.SendAsync("GET /api/documents/غير-موجود HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 404", answer);
        Assert.Contains("غير-موجود", answer);
    }

    [Theory]
    [InlineData("/api/documents/a%00b")]
    [InlineData("/api/documents/%00")]
    public async Task An_escaped_nul_in_a_path_is_a_problem_from_the_application_not_a_bare_400(string path)
    {
        var answer = await factory.SendAsync($"GET {path} HTTP/1.0\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 404", answer);
        Assert.Contains("application/problem+json", answer);
    }

    [Fact]
    public async Task An_escaped_nul_in_the_query_is_read_as_the_text_it_is()
    {
        var answer = await factory.SendAsync("GET /api/search?q=a%00b HTTP/1.0\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200", answer);
    }
}
