using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Search.Client;

namespace Search.Api.Tests.TestSupport;

/// <summary>
/// The real service in memory over a fresh temporary data folder, without the shipped sample
/// unless asked for. Each instance is one service with its own archive and index.
/// </summary>
public class SearchApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The admin key the service is configured with; every client made here sends it.</summary>
    public const string AdminKey = "test-admin-key";

    public const string AdminKeyHeader = "X-Api-Key";

    private readonly TempFolder? _ownedFolder;
    private readonly Dictionary<string, string> _settings;

    public SearchApiFactory() : this(loadSample: false)
    {
    }

    /// <summary>A service with other settings than the defaults (xunit wants one public constructor on a fixture).</summary>
    /// <param name="loadSample">Load the 30 shipped sample statements into the empty archive.</param>
    /// <param name="inboxPollInterval">How often the inbox worker looks at the inbox, e.g. <c>00:00:00.200</c>.</param>
    /// <param name="maxRequestBytes">The largest <c>POST /api/documents</c> body.</param>
    /// <param name="dataPath">An existing data folder to serve (kept on dispose); a new temporary one when null.</param>
    /// <param name="settings">Any other configuration, e.g. <c>Search:RateLimits:Enabled</c> (off by default here).</param>
    public static SearchApiFactory With(bool loadSample = false, string? inboxPollInterval = null, long? maxRequestBytes = null, string? dataPath = null,
        IReadOnlyDictionary<string, string>? settings = null) =>
        new(loadSample, inboxPollInterval, maxRequestBytes, dataPath, settings);

    /// <summary>For named fixtures deriving from this one; the parameters are those of <see cref="With"/>.</summary>
    protected SearchApiFactory(bool loadSample = false, string? inboxPollInterval = null, long? maxRequestBytes = null, string? dataPath = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        if (dataPath is null)
        {
            _ownedFolder = new TempFolder();
            dataPath = _ownedFolder.Path;
        }
        DataPath = dataPath;
        _settings = new Dictionary<string, string>
        {
            ["Search:DataPath"] = DataPath,
            ["Search:LoadSample"] = loadSample ? "true" : "false",
            ["Search:AdminApiKey"] = AdminKey,
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests fire requests faster than any client should; the limits have tests of their own.
            ["Search:RateLimits:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            _settings[key] = value;
        if (inboxPollInterval is not null)
            _settings["Search:InboxPollInterval"] = inboxPollInterval;
        if (maxRequestBytes is not null)
            _settings["Search:MaxRequestBytes"] = maxRequestBytes.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The data folder the service runs on.</summary>
    public string DataPath { get; }

    /// <summary>The warnings and errors the service logged.</summary>
    public CapturedLog Log { get; } = new();

    public string InboxPath => Path.Combine(DataPath, "inbox");

    /// <summary>A typed client of the service, as the command-line tool uses it (with the admin key).</summary>
    public ISearchApi CreateApi() => SearchClientFactory.Create(CreateClient());

    /// <summary>A client that sends no admin key, as the public does.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(AdminKeyHeader);
        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(AdminKeyHeader, AdminKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }

    // The folder goes once the host has stopped, whichever way the factory is disposed.
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _ownedFolder?.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _ownedFolder?.Dispose();
    }
}

/// <summary>The service as a first run sees it: the shipped sample loads into the empty archive.</summary>
public sealed class SampleSearchApiFactory() : SearchApiFactory(loadSample: true);

/// <summary>The service with an inbox looked at five times a second.</summary>
public sealed class FastInboxSearchApiFactory() : SearchApiFactory(inboxPollInterval: "00:00:00.200");
