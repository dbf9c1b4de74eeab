using Microsoft.AspNetCore.Http.HttpResults;
using Prometheus;
using Search.Api.Protection;

namespace Search.Api.Features.Metrics;

public static class MetricsEndpoints
{
    /// <summary>Prometheus' text exposition format, version 0.0.4: what every Prometheus-compatible scraper reads.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IServiceCollection AddServiceMetrics(this IServiceCollection services) => services.AddSingleton<ServiceMetrics>();

    /// <summary>
    /// Counts every request and times it, by route template (<c>/api/documents/{id}</c>, never the address
    /// asked, so that the series stay as few as the endpoints), method and status code. After routing,
    /// which finds the template; requests no endpoint takes (the page's files, unknown addresses) share one empty one.
    /// </summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app) =>
        app.UseHttpMetrics(options =>
        {
            var registry = app.ApplicationServices.GetRequiredService<ServiceMetrics>().Registry;
            options.ConfigureMeasurements(measurement => measurement.Registry = registry);
        });

    /// <summary>
    /// <c>GET /metrics</c>, with the admin key: the figures say how much the archive holds and how much work waits,
    /// which is for operators, not outsiders. Prometheus sends the key as a bearer token.
    /// </summary>
    public static IEndpointRouteBuilder MapServiceMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", Scrape)
            .RequireAdminKeyOrBearer()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The whole page is written before the answer starts (a few tens of KB), so that a failure to read the
    /// engine (a full or read-only disk) is answered with its problem detail rather than a 200 cut short.
    /// </summary>
    private static async Task<FileContentHttpResult> Scrape(ServiceMetrics metrics, CancellationToken cancellationToken)
    {
        using var page = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(page, ExpositionFormat.PrometheusText, cancellationToken);
        return TypedResults.Bytes(page.ToArray(), ContentType);
    }
}
