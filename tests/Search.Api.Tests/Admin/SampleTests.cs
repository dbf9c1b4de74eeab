using System.Net;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Admin;

/// <summary>
/// The statements invented for this project, loaded into an empty archive, are named as such by
/// <c>/api/status</c> (the page marks them) and removed in one admin request, leaving real ones.
/// </summary>
public sealed class SampleTests : IDisposable
{
    private readonly SearchApiFactory _factory = SearchApiFactory.With(loadSample: true);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_status_names_the_sample_and_one_admin_request_removes_it_and_nothing_else()
    {
        var api = _factory.CreateApi();
        var real = Statements.Doc(Statements.UniqueId("real"), "بيان حقيقي من الأرشيف عن الاقتصاد");
        await (await _factory.CreateClient().PostNdjsonAsync([real], wait: true)).ReadAcceptedAsync();

        var before = await api.GetStatusAsync();
        var removed = await api.RemoveSampleAsync();
        var after = await api.GetStatusAsync();
        var again = await api.RemoveSampleAsync();

        Assert.Equal(30, before.Sample!.Count);
        Assert.All(before.Sample, id => Assert.StartsWith("sample-", id));
        Assert.Equal((30, 0), (removed.Removed, again.Removed));
        Assert.Empty(after.Sample!);
        var left = await Poll.UntilAsync(() => api.SearchAsync(new SearchQuery { Collapse = "none", Size = 50 }), r => r.Total == 1);
        Assert.Equal(real.Id, Assert.Single(left.Hits).Id);
    }

    [Fact]
    public async Task Removing_the_sample_needs_the_admin_key()
    {
        var response = await _factory.CreateAnonymousClient().DeleteAsync("/api/admin/sample");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(30, (await _factory.CreateApi().GetStatusAsync()).Sample!.Count);
    }
}
