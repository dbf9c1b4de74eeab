using System.Net;
using System.Net.Http.Headers;
using Search.Api.Tests.TestSupport;
using Search.Client.Contracts;

namespace Search.Api.Tests.Admin;

/// <summary>
/// The statements invented for this project, loaded into an empty archive, are named as such by
/// <c>/api/status</c> (the page marks them), go by themselves with a log line when the first real
/// documents are stored (by any door), and can be removed sooner in one admin request.
/// </summary>
public sealed class SampleTests : IDisposable
{
    private readonly SearchApiFactory _factory = SearchApiFactory.With(loadSample: true,
        settings: new Dictionary<string, string> { ["Logging:LogLevel:Search.Api.Engine.SampleStatements"] = "Information" });

    public void Dispose() => _factory.Dispose();

    private async Task<SearchResponse> EverythingAsync(int expected) =>
        await Poll.UntilAsync(() => _factory.CreateApi().SearchAsync(new SearchQuery { Collapse = "none", Size = 50 }), r => r.Total == expected);

    [Fact]
    public async Task The_status_names_the_sample_and_one_admin_request_removes_it()
    {
        var api = _factory.CreateApi();

        var before = await api.GetStatusAsync();
        var removed = await api.RemoveSampleAsync();
        var after = await api.GetStatusAsync();
        var again = await api.RemoveSampleAsync();

        Assert.Equal(30, before.Sample!.Count);
        Assert.All(before.Sample, id => Assert.StartsWith("sample-", id));
        Assert.Equal("sample-001", before.Sample[0]);
        Assert.Equal((30, 0), (removed.Removed, again.Removed));
        Assert.Empty(after.Sample!);
        Assert.Equal(0, (await EverythingAsync(0)).Total);
    }

    [Fact]
    public async Task The_first_real_documents_remove_the_sample_by_themselves_with_a_log_line()
    {
        var api = _factory.CreateApi();
        Assert.Equal(30, (await api.GetStatusAsync()).Sample!.Count);

        var real = Statements.Doc(Statements.UniqueId("real"), "بيان حقيقي من الأرشيف عن الاقتصاد");
        await (await _factory.CreateClient().PostNdjsonAsync([real], wait: true)).ReadAcceptedAsync();

        // Removed before the real document was stored: once it is searchable, the sample is gone from the index too.
        var left = await api.SearchAsync(new SearchQuery { Collapse = "none", Size = 50 });
        Assert.Equal(real.Id, Assert.Single(left.Hits).Id);
        Assert.Empty((await api.GetStatusAsync()).Sample!);
        Assert.Single(_factory.Log.Containing("removed the 30 invented sample statements"));

        // Once only: later writes remove nothing more, and the admin request finds nothing left.
        var second = Statements.Doc(Statements.UniqueId("real"), "بيان حقيقي ثان عن الزراعة");
        await (await _factory.CreateClient().PostNdjsonAsync([second], wait: true)).ReadAcceptedAsync();
        Assert.Equal(0, (await api.RemoveSampleAsync()).Removed);
        Assert.Equal(2, (await EverythingAsync(2)).Total);
        Assert.Single(_factory.Log.Containing("removed the 30 invented sample statements"));
    }

    [Fact]
    public async Task A_real_page_removes_the_sample_too()
    {
        var page = StatementPages.Utf8(StatementPages.Html("الوزارة تفتتح مستشفى جديدا", "<time datetime=\"2021-07-27\">27 يوليو 2021</time>", Statements.UniqueWord()));
        using var content = new ByteArrayContent(page);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        var response = await _factory.CreateClient().PostAsync("/api/pages?name=hospital.html&wait=true", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await _factory.CreateApi().GetStatusAsync()).Sample!);
        Assert.Equal(1, (await EverythingAsync(1)).Total);
    }

    [Fact]
    public async Task A_file_dropped_in_the_inbox_removes_the_sample_too()
    {
        await using var service = SearchApiFactory.With(loadSample: true, inboxPollInterval: "00:00:00.200");
        var api = service.CreateApi();
        Assert.Equal(30, (await api.GetStatusAsync()).Sample!.Count);

        await InboxFiles.WorkerTakesAFileAsync(service);

        Assert.Empty((await api.GetStatusAsync()).Sample!);
        Assert.Equal(1, (await Poll.UntilAsync(() => api.SearchAsync(new SearchQuery { Collapse = "none", Size = 50 }), r => r.Total == 1)).Total);
    }

    [Fact]
    public async Task Sending_sample_statements_again_is_no_real_document_and_keeps_the_sample()
    {
        var api = _factory.CreateApi();
        var exported = await api.GetDocumentAsync("sample-001");
        var again = Statements.Doc(exported.Id, exported.Body, exported.Date, exported.Source, exported.Title);
        await (await _factory.CreateClient().PostNdjsonAsync([again], wait: true)).ReadAcceptedAsync();

        Assert.Equal(30, (await api.GetStatusAsync()).Sample!.Count);
        Assert.Empty(_factory.Log.Containing("invented sample statements"));
    }

    [Fact]
    public async Task Removing_the_sample_needs_the_admin_key()
    {
        var response = await _factory.CreateAnonymousClient().DeleteAsync("/api/admin/sample");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(30, (await _factory.CreateApi().GetStatusAsync()).Sample!.Count);
    }
}
