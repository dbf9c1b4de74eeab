using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Search.Web.Tests.TestSupport;

/// <summary>
/// The real service on Kestrel on a free loopback port (a browser cannot reach an in-memory test
/// server), over a temporary data folder holding <see cref="PageDocuments"/>.
/// </summary>
public sealed class PageService : WebApplicationFactory<Program>
{
    public const string AdminKey = "web-tests-admin-key";

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "search-web-tests", Guid.NewGuid().ToString("N"));

    private readonly bool _sampleOnly;

    /// <param name="sampleOnly">Serve the shipped sample alone (loaded at first start), not <see cref="PageDocuments"/>.</param>
    public PageService(bool sampleOnly = false)
    {
        _sampleOnly = sampleOnly;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the service listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task StartAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");

        if (_sampleOnly)
            return;
        using var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        var response = await client.PostAsJsonAsync("api/documents?wait=true", PageDocuments.All());
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:DataPath", _dataPath);
        builder.UseSetting("Search:LoadSample", _sampleOnly ? "true" : "false");
        builder.UseSetting("Search:AdminApiKey", AdminKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataPath))
            Directory.Delete(_dataPath, recursive: true);
    }
}
