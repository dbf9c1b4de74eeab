using System.Net;
using System.Text;
using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests.Protection;

/// <summary>The smaller ways in: HEAD, bytes a path cannot hold as text, and a body over the limit sent where no body is read.</summary>
public sealed class SmallRequestTests : IDisposable
{
    private readonly HostileApiFactory _factory = HostileApiFactory.Create(maxRequestBytes: 1024);

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/api/search?q=%D8%A8%D9%8A%D8%A7%D9%86")]
    [InlineData("/api/status")]
    [InlineData("/health/ready")]
    public async Task Head_is_answered_wherever_get_is_with_its_status_and_no_body(string path)
    {
        var client = _factory.CreateCheckedClient();
        var get = await client.GetAsync(path);

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/documents/%FF%FE")]
    [InlineData("/api/documents/%0A%0D")]
    public async Task Bad_bytes_in_a_path_are_a_problem_not_a_crash(string path)
    {
        var response = await _factory.CreateCheckedClient().GetAsync(path);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_even_where_the_endpoint_reads_none()
    {
        var body = new StringContent(new string('x', 4096), Encoding.UTF8, "text/plain");

        var response = await _factory.CreateCheckedClient().PostAsync("/api/admin/reindex", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
