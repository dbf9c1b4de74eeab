using System.Net;
using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests.Status;

/// <summary>Unknown documents, liveness, status and the OpenAPI document.</summary>
public sealed class EndpointTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task An_unknown_document_is_a_404_problem()
    {
        var problem = await (await factory.CreateClient().GetAsync("/api/documents/unknown")).ReadProblemAsync(404);

        Assert.Contains("unknown", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_typed_client_sees_an_unknown_document_as_a_404()
    {
        var refused = await Assert.ThrowsAnyAsync<Refit.ApiException>(() => factory.CreateApi().GetDocumentAsync("غير-موجود"));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Is_live()
    {
        var response = await factory.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Is_ready_on_an_empty_archive()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Serves_the_openapi_document_with_the_search_endpoint()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/search", text);
        Assert.Contains("/api/documents", text);
        Assert.Contains("application/x-ndjson", text);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404()
    {
        var response = await factory.CreateClient().GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405()
    {
        var response = await factory.CreateClient().DeleteAsync("/api/search");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Serves_the_arabic_search_page_at_the_root_with_a_strict_content_security_policy()
    {
        var response = await factory.CreateClient().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Serves_the_pages_scripts_as_javascript()
    {
        var response = await factory.CreateClient().GetAsync("/js/app.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
    }
}
