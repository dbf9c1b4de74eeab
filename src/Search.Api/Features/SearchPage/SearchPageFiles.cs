namespace Search.Api.Features.SearchPage;

/// <summary>The search page: <c>wwwroot/</c> (plain HTML, CSS and JavaScript modules) served at <c>/</c>.</summary>
public static class SearchPageFiles
{
    public static IApplicationBuilder UseSearchPage(this IApplicationBuilder app) =>
        app.UseDefaultFiles().UseStaticFiles(new StaticFileOptions
        {
            // The files carry no version in their names: revalidate (ETag) so a new release shows at once.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
}
