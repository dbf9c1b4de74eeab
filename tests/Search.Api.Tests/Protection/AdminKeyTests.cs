using System.Net;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Protection;

/// <summary>Writing needs the admin key in <c>X-Api-Key</c>; reading does not.</summary>
public sealed class AdminKeyTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    [Fact]
    public async Task Posting_without_the_key_is_a_401_and_stores_nothing()
    {
        var id = Statements.UniqueId("nokey");

        await (await factory.CreateAnonymousClient().PostNdjsonAsync([Statements.Doc(id, "نص")])).ReadProblemAsync(401);

        await (await factory.CreateClient().GetAsync($"/api/documents/{id}")).ReadProblemAsync(404);
    }

    [Fact]
    public async Task Posting_with_a_wrong_key_is_a_403_and_stores_nothing()
    {
        var id = Statements.UniqueId("wrongkey");
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(SearchApiFactory.AdminKeyHeader, "not-the-key");

        await (await client.PostNdjsonAsync([Statements.Doc(id, "نص")])).ReadProblemAsync(403);

        await (await factory.CreateClient().GetAsync($"/api/documents/{id}")).ReadProblemAsync(404);
    }

    [Fact]
    public async Task Reading_needs_no_key()
    {
        var id = Statements.UniqueId("public");
        await (await factory.CreateClient().PostNdjsonAsync([Statements.Doc(id, "نص عام")], wait: true)).ReadAcceptedAsync();
        var anonymous = factory.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/search?q=%D8%B9%D8%A7%D9%85")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/status")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Deleting_needs_the_key_and_then_removes_the_document_from_the_archive_and_the_index()
    {
        var api = factory.CreateApi();
        var id = Statements.UniqueId("delete");
        var word = Statements.UniqueWord();
        await (await factory.CreateClient().PostNdjsonAsync([Statements.Doc(id, $"بيان سيحذف {word}")], wait: true)).ReadAcceptedAsync();

        await (await factory.CreateAnonymousClient().DeleteAsync($"/api/documents/{id}")).ReadProblemAsync(401);
        Assert.Equal(1, (await api.SearchAsync(new SearchQuery { Q = word })).Total);

        var deleted = await factory.CreateClient().DeleteAsync($"/api/documents/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await (await factory.CreateClient().GetAsync($"/api/documents/{id}")).ReadProblemAsync(404);
        var result = await Poll.UntilAsync(() => api.SearchAsync(new SearchQuery { Q = word }), r => r.Total == 0);
        Assert.Equal(0, result.Total);
        await (await factory.CreateClient().DeleteAsync($"/api/documents/{id}")).ReadProblemAsync(404);
    }
}
