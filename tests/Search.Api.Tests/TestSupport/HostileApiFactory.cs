using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Search.Core;

namespace Search.Api.Tests.TestSupport;

/// <summary>
/// The service as the outside world meets it (the Production environment: no developer pages),
/// with clients that check every response they get (<see cref="ResponseCheck"/>).
/// </summary>
public class HostileApiFactory : SearchApiFactory
{
    public HostileApiFactory()
    {
    }

    protected HostileApiFactory(IReadOnlyDictionary<string, string>? settings, string? inboxPollInterval = null, long? maxRequestBytes = null)
        : base(loadSample: false, inboxPollInterval, maxRequestBytes, dataPath: null, settings)
    {
    }

    /// <summary>A service with other settings, e.g. <c>Search:RateLimits:Enabled</c> or <c>Search:MaxInboxFileBytes</c>.</summary>
    public static HostileApiFactory Create(IReadOnlyDictionary<string, string>? settings = null, string? inboxPollInterval = null, long? maxRequestBytes = null) =>
        new(settings, inboxPollInterval, maxRequestBytes);

    /// <summary>The engine behind the service, to look at the archive without going through (rate-limited) HTTP.</summary>
    public SearchEngine Engine => Services.GetRequiredService<SearchEngine>();

    /// <summary>A client whose every response is checked: no 5xx, every 4xx a problem, nothing internal in any body.</summary>
    /// <param name="adminKey">Send the admin key (the default), none (null), or another one.</param>
    public HttpClient CreateCheckedClient(string? adminKey = AdminKey)
    {
        var client = CreateDefaultClient(new ResponseCheck(DataPath));
        client.DefaultRequestHeaders.Remove(AdminKeyHeader);
        if (adminKey is not null)
            client.DefaultRequestHeaders.Add(AdminKeyHeader, adminKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
