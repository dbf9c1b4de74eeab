using System.Text.Encodings.Web;
using System.Text.Unicode;
using Search.Api.Engine;
using Search.Api.Features;
using Search.Api.Features.Admin;
using Search.Api.Features.Backup;
using Search.Api.Features.Documents;
using Search.Api.Features.Export;
using Search.Api.Features.Feeds;
using Search.Api.Features.Metrics;
using Search.Api.Features.Pages;
using Search.Api.Features.SavedSearches;
using Search.Api.Features.Search;
using Search.Api.Features.SearchPage;
using Search.Api.Features.Speakers;
using Search.Api.Features.Status;
using Search.Api.Features.Stories;
using Search.Api.Health;
using Search.Api.Problems;
using Search.Api.Protection;
using Search.Api.RequestLines;

// appsettings.json ships beside the binary; the working directory only anchors a relative data path.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.WebHost.ConfigureKestrel(kestrel =>
{
    // A long query must reach the app, which answers it with a problem saying what is too long,
    // rather than be cut off by Kestrel's 8 KB request line with a bare 414.
    kestrel.Limits.MaxRequestLineSize = 64 * 1024;
    // Raw UTF-8 in a request target (an Arabic query pasted into curl) is escaped before Kestrel,
    // which has no setting to take it and would refuse it with a bare 400 (RequestLines/).
    kestrel.ConfigureEndpointDefaults(listen => listen.AcceptUtf8RequestTargets());
});
builder.Services.AddSearchEngine(builder.Configuration);
builder.Services.AddBodySizeLimit(builder.Configuration);
// A failed worker stops the host (ServiceRun then exits non-zero) rather than leaving a service up without it.
builder.Services.Configure<HostOptions>(options => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost);
// A start that fails is said once, by ServiceRun, in one line naming the cause (another process on the data
// folder, a folder that cannot be written, an invalid option), not after the host's own error and its 30-line
// stack trace; an unexpected failure still comes with its stack. The host's critical lines (a failed worker,
// with where it failed) still show.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
builder.Services.AddClientRateLimits(builder.Configuration);
builder.Services.AddConfiguredCors(builder.Configuration);
// Arabic text goes out as UTF-8, not as \uXXXX escapes three times its size.
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.Explain);
builder.Services.AddExceptionHandler<StorageProblems>();
builder.Services.AddExceptionHandler<BadRequestProblems>();
builder.Services.AddOpenApi(options => options.AddAdminKeyScheme());
builder.Services.AddServiceMetrics();
builder.Services.AddBackups();

var app = builder.Build();
// The index opens on the other core while the routes are mapped and the server starts (Engine/EngineOpening).
app.Services.GetRequiredService<EngineOpening>().Begin();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseHeadAsGet();
app.UseBodySizeLimit();
app.UseSearchPage();
// Routing after HEAD became GET: it picks endpoints by method.
app.UseRouting();
// Counted once the route is known, so each request is counted under its endpoint's template.
app.UseRequestMetrics();
app.UseCors();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealth();
app.MapServiceMetrics();

var api = app.MapGroup("/api").RequireRateLimiting(RateLimiting.Searches);
api.MapSearch();
api.MapFeeds();
api.MapExport();
api.MapSavedSearches();
api.MapDocuments();
api.MapPages();
api.MapStories();
api.MapSpeakers();
api.MapStatus();
api.MapAdmin();
api.MapBackup();

return await ServiceRun.RunAsync(app);

/// <summary>Exposed for <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
