namespace Search.Api.Protection;

/// <summary>Lets a request through only with the admin key in <c>X-Api-Key</c>: none is 401, a wrong one 403.</summary>
public sealed class AdminKeyFilter(AdminKey key) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var supplied = context.HttpContext.Request.Headers[AdminKey.Header].ToString();
        if (string.IsNullOrEmpty(supplied))
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                $"This endpoint needs the admin key in the {AdminKey.Header} header.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required"));
        if (!key.Matches(supplied))
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                $"The key in the {AdminKey.Header} header is not the admin key.",
                statusCode: StatusCodes.Status403Forbidden, title: "Wrong admin key"));
        return next(context);
    }
}

public static class AdminKeyFilterExtensions
{
    /// <summary>Requires the admin key on every endpoint of the builder.</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, AdminKeyFilter>();
}
