using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests.Protection;

/// <summary>The service on Kestrel (the test server has no body limit of its own) with a 4 KB limit on bodies.</summary>
public sealed class SmallBodyKestrelFactory : SearchApiFactory, IAsyncLifetime
{
    public const long MaxBytes = 4096;

    public SmallBodyKestrelFactory() : base(maxRequestBytes: MaxBytes) => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public Uri Address { get; private set; } = null!;

    public Task InitializeAsync()
    {
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add(AdminKeyHeader, AdminKey);
        return client;
    }
}

/// <summary>
/// A body over the limit sent in chunks (no length declared, so nothing can refuse it before it is read)
/// is a 413 problem on every endpoint that takes a body, and stores nothing: the server cuts it wherever
/// the endpoint reads it, and the answer says so instead of a 500.
/// </summary>
public sealed class ChunkedBodyTests(SmallBodyKestrelFactory factory) : IClassFixture<SmallBodyKestrelFactory>
{
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }

    [Theory]
    [InlineData("/api/documents", "application/x-ndjson")]
    [InlineData("/api/pages?name=a.html", "text/html")]
    [InlineData("/api/saved-searches", "application/json")]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem_and_stores_nothing(string path, string contentType)
    {
        var bytes = new byte[SmallBodyKestrelFactory.MaxBytes * 8];
        Array.Fill(bytes, (byte)' ');
        "{\"name\":\""u8.CopyTo(bytes);
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var client = factory.Client();

        var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, factory.Engine().Stats().ArchiveDocuments);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=x")).StatusCode);
    }
}

internal static class FactoryEngine
{
    public static global::Search.Core.SearchEngine Engine(this SearchApiFactory factory) => factory.Services.GetRequiredService<global::Search.Core.SearchEngine>();
}
