namespace Search.Api.Protection;

/// <summary>
/// Cross-origin requests are refused unless <c>Search:CorsOrigins</c> lists the origins allowed
/// (reads only: GET from those origins; writes stay same-origin or server-to-server).
/// </summary>
public static class CorsSetup
{
    public const string Section = "Search:CorsOrigins";

    public static IServiceCollection AddConfiguredCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            if (origins.Length > 0)
                policy.WithOrigins(origins).WithMethods("GET").AllowAnyHeader();
        }));
        return services;
    }
}
