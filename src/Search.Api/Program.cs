using System.Text.Encodings.Web;
using System.Text.Unicode;
using Search.Api.Engine;
using Search.Api.Features.Admin;
using Search.Api.Features.Documents;
using Search.Api.Features.Pages;
using Search.Api.Features.Search;
using Search.Api.Features.SearchPage;
using Search.Api.Features.Speakers;
using Search.Api.Features.Status;
using Search.Api.Features.Stories;
using Search.Api.Health;
using Search.Api.Problems;
using Search.Api.Protection;

// appsettings.json ships beside the binary; the working directory only anchors a relative data path.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// A long query must reach the app, which answers it with a problem saying what is too long,
// rather than be cut off by Kestrel's 8 KB request line with a bare 414.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 64 * 1024);
builder.Services.AddSearchEngine(builder.Configuration);
builder.Services.AddClientRateLimits(builder.Configuration);
builder.Services.AddConfiguredCors(builder.Configuration);
// Arabic text goes out as UTF-8, not as \uXXXX escapes three times its size.
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.Explain);
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseSearchPage();
app.UseCors();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealth();

var api = app.MapGroup("/api").RequireRateLimiting(RateLimiting.Searches);
api.MapSearch();
api.MapDocuments();
api.MapPages();
api.MapStories();
api.MapSpeakers();
api.MapStatus();
api.MapAdmin();

app.Run();

/// <summary>Exposed for <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
