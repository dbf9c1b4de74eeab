namespace Search.Api.Protection;

/// <summary>
/// Lets a request through only with the admin key in <c>X-Api-Key</c> (or, on endpoints marked
/// <see cref="AdminKeyAsBearer"/>, in <c>Authorization: Bearer</c>): none is 401, a wrong one 403.
/// </summary>
public sealed class AdminKeyFilter(AdminKey key) : IEndpointFilter
{
    private const string BearerPrefix = "Bearer ";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var bearerAccepted = http.GetEndpoint()?.Metadata.GetMetadata<AdminKeyAsBearer>() is not null;
        var where = bearerAccepted ? $"the {AdminKey.Header} header or as Authorization: Bearer" : $"the {AdminKey.Header} header";
        var supplied = http.Request.Headers[AdminKey.Header].ToString();
        if (string.IsNullOrEmpty(supplied) && bearerAccepted
            && http.Request.Headers.Authorization.ToString() is var authorization
            && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            supplied = authorization[BearerPrefix.Length..].Trim();
        if (string.IsNullOrEmpty(supplied))
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                $"This endpoint needs the admin key in {where}.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required"));
        if (!key.Matches(supplied))
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                $"The key sent in {where} is not the admin key.",
                statusCode: StatusCodes.Status403Forbidden, title: "Wrong admin key"));
        return next(context);
    }
}

public static class AdminKeyFilterExtensions
{
    /// <summary>Requires the admin key on every endpoint of the builder, and says so in the OpenAPI document.</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, AdminKeyFilter>().WithMetadata(AdminKeyRequired.Instance);

    /// <summary>
    /// Requires the admin key, taken in <c>Authorization: Bearer</c> too: what a scraper such as Prometheus
    /// sends (its <c>authorization</c> or <c>bearer_token_file</c> settings), having no way to name another header.
    /// </summary>
    public static TBuilder RequireAdminKeyOrBearer<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAdminKey().WithMetadata(AdminKeyAsBearer.Instance);
}

/// <summary>Endpoint metadata: the admin key is taken as a bearer token too (see <see cref="AdminKeyFilter"/>).</summary>
internal sealed class AdminKeyAsBearer
{
    public static readonly AdminKeyAsBearer Instance = new();
}
