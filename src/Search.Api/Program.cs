using Search.Api.Configuration;
using Search.Api.Features.Admin;
using Search.Api.Features.Documents;
using Search.Api.Features.Pages;
using Search.Api.Features.Search;
using Search.Api.Features.Status;
using Search.Api.Health;
using Search.Api.Problems;

// appsettings.json ships beside the binary; the working directory only anchors a relative data path.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddSearchEngine(builder.Configuration);
builder.Services.AddSingleton<DocumentRequestReader>();
builder.Services.AddSingleton<PageRequestReader>();
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsDefaults.Explain);
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapHealth();

var api = app.MapGroup("/api");
api.MapSearch();
api.MapDocuments();
api.MapPages();
api.MapStatus();
api.MapAdmin();

app.Run();

/// <summary>Exposed for <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
