using System.Net;
using Search.Api.Tests.TestSupport;

namespace Search.Api.Tests.Engine;

/// <summary>The factory's settings reach the service: the data folder, no sample, and it survives a restart.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task Serves_the_configured_data_folder_and_starts_empty_without_the_sample()
    {
        await using var factory = new SearchApiFactory();
        var api = factory.CreateApi();

        var status = await api.GetStatusAsync();

        Assert.Equal(0, status.Documents);
        Assert.Equal(0, status.Pending);
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "archive.db")), "the archive should be in the temporary data folder");
        Assert.True(Directory.Exists(factory.InboxPath), "the inbox should be created in the temporary data folder");
    }

    [Fact]
    public async Task Deletes_its_temporary_data_folder_on_dispose()
    {
        var factory = new SearchApiFactory();
        await factory.CreateApi().GetStatusAsync();
        var dataPath = factory.DataPath;

        await factory.DisposeAsync();

        Assert.False(Directory.Exists(dataPath));
    }

    [Fact]
    public async Task A_restart_keeps_the_documents_and_loads_no_sample_over_them()
    {
        using var folder = new TempFolder();
        var id = Statements.UniqueId("restart");
        var word = Statements.UniqueWord();
        await using (var first = SearchApiFactory.With(dataPath: folder.Path))
        {
            var response = await first.CreateClient().PostNdjsonAsync([Statements.Doc(id, $"بيان قبل إعادة التشغيل {word}")], wait: true);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await using var second = SearchApiFactory.With(loadSample: true, dataPath: folder.Path);
        var api = second.CreateApi();
        var status = await Poll.UntilAsync(() => api.GetStatusAsync(), s => s.Pending == 0);
        var found = await api.SearchAsync(new() { Q = word });

        Assert.Equal(1, status.Documents);
        Assert.Equal([id], found.Hits.Select(h => h.Id));
        Assert.Equal(id, (await api.GetDocumentAsync(id)).Id);
    }
}
