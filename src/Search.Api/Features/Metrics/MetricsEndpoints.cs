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
        app.MapGet("/metrics", (ServiceMetrics metrics, CancellationToken cancellationToken) =>
                TypedResults.Stream(stream => metrics.Registry.CollectAndExportAsTextAsync(stream, ExpositionFormat.PrometheusText, cancellationToken), ContentType))
            .RequireAdminKeyOrBearer()
            .ExcludeFromDescription();
        return app;
    }
}
