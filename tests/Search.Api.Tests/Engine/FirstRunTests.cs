using System.Net;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Engine;

/// <summary>On an empty data folder the service loads the 30 shipped statements and can be searched at once.</summary>
public sealed class FirstRunTests(SampleSearchApiFactory factory) : IClassFixture<SampleSearchApiFactory>
{
    [Fact]
    public async Task Is_ready_and_says_so_with_details()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"Healthy\"", text);
        Assert.Contains("analyzerVersion", text);

        var typed = await factory.CreateApi().GetReadyAsync();
        Assert.True(typed.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Indexes_the_30_sample_statements()
    {
        var api = factory.CreateApi();

        var status = await Poll.UntilAsync(() => api.GetStatusAsync(), s => s.Pending == 0 && s.Documents == 30);

        Assert.True(status.Ready);
        Assert.Equal(0, status.Pending);
        Assert.Equal(30, status.Documents);
        Assert.Equal(status.AnalyzerVersion, status.IndexAnalyzerVersion);
    }

    [Fact]
    public async Task Finds_sample_statements_by_a_word()
    {
        var api = factory.CreateApi();

        var result = await Poll.UntilAsync(() => api.SearchAsync(new SearchQuery { Q = "وزارة" }), r => r.Total > 0);

        Assert.True(result.Total > 0);
        Assert.All(result.Hits, hit => Assert.StartsWith("sample-", hit.Id));
        Assert.Contains(result.Hits, hit => hit.Snippet.Contains("<mark>"));
    }

    [Fact]
    public async Task Serves_a_sample_statement_by_id()
    {
        var document = await factory.CreateApi().GetDocumentAsync("sample-001");

        Assert.Equal("sample-001", document.Id);
        Assert.Equal("2019-03-12", document.Date);
        Assert.False(string.IsNullOrWhiteSpace(document.Body));
    }
}
