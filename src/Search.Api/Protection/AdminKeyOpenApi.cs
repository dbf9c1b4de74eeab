using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Search.Api.Protection;

/// <summary>
/// The admin key in the OpenAPI document: an <c>apiKey</c> security scheme for the
/// <see cref="AdminKey.Header"/> header, required (with its 401 and 403 answers) by exactly the
/// operations whose endpoints carry <see cref="AdminKeyRequired"/>, so that a client generator or
/// Swagger UI asks for the key where it is needed and nowhere else.
/// </summary>
internal static class AdminKeyOpenApi
{
    public const string SchemeName = "AdminKey";

    public static OpenApiOptions AddAdminKeyScheme(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = AdminKey.Header,
                Description = "The admin key: Search:AdminApiKey when configured, else the one generated into admin.key in the data folder.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<AdminKeyRequired>().Any())
                return Task.CompletedTask;
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = $"No admin key in the {AdminKey.Header} header." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The {AdminKey.Header} header does not hold the admin key." });
            return Task.CompletedTask;
        });
        return options;
    }
}

/// <summary>Endpoint metadata: the endpoint answers only with the admin key (see <see cref="AdminKeyFilter"/>).</summary>
internal sealed class AdminKeyRequired
{
    public static readonly AdminKeyRequired Instance = new();
}
