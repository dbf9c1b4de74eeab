using System.Net;
using Search.Api.Tests.TestSupport;
using Search.Core.Tests.TestSupport;

namespace Search.Api.Tests.Engine;

/// <summary>
/// How the service process ends, as a supervisor sees it: a clean stop exits 0; a start it cannot make
/// (invalid options, a data folder another process holds, one it cannot write) exits non-zero with one
/// log line naming the cause, and leaves the process holding the folder serving as before.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class ProcessExitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Data => Path.Combine(_folder.Path, "data");

    private ServiceProcess NewService(string log, Dictionary<string, string>? settings = null) =>
        new(Data, Path.Combine(_folder.Path, log), settings);

    [Fact]
    public async Task A_second_instance_on_the_same_data_folder_exits_non_zero_naming_it_and_the_first_keeps_serving()
    {
        using var first = NewService("first.log");
        await first.StartAsync();
        var id = Statements.UniqueId("first");
        (await first.Client.PostNdjsonAsync([Statements.Doc(id, "بيان المثيل الأول")], wait: true)).EnsureSuccessStatusCode();
        var generations = Directory.GetDirectories(Path.Combine(Data, "generations"));

        using var second = NewService("second.log");
        var exit = await second.StartExpectingExitAsync();

        Assert.True(exit != 0, $"exit code {exit}\n{second.LogTail()}");
        Assert.Contains($"The service cannot start: The data folder {Data} is in use by another process", second.LogTail());
        // Said once, clearly: no stack trace before or after it.
        Assert.DoesNotContain("   at ", second.LogTail());
        Assert.Equal(generations, Directory.GetDirectories(Path.Combine(Data, "generations")));
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync($"/api/documents/{id}")).StatusCode);
        var found = await first.Client.GetJsonAsync("/api/search?q=المثيل");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Invalid_options_exit_non_zero_naming_the_option()
    {
        using var service = NewService("invalid.log", new Dictionary<string, string> { ["Search:IndexBatchSize"] = "0" });

        var exit = await service.StartExpectingExitAsync();

        Assert.True(exit != 0, $"exit code {exit}\n{service.LogTail()}");
        Assert.Contains("The service cannot start: ", service.LogTail());
        Assert.Contains("IndexBatchSize", service.LogTail());
    }

    [SkippableFact]
    public async Task A_data_folder_that_cannot_be_written_at_start_exits_non_zero_naming_it()
    {
        Directory.CreateDirectory(Data);
        using var readOnly = ReadOnlyFolder.TryMake(Data);
        Skip.If(readOnly is null, ReadOnlyFolder.Unavailable);
        using var service = NewService("read-only.log");

        var exit = await service.StartExpectingExitAsync();

        Assert.True(exit != 0, $"exit code {exit}\n{service.LogTail()}");
        Assert.Contains($"The service cannot start: The data folder {Data} cannot be written", service.LogTail());
        Assert.DoesNotContain("   at ", service.LogTail());
    }

    [Fact]
    public async Task An_archive_that_cannot_be_opened_exits_non_zero_naming_it_once()
    {
        using (var first = NewService("first.log"))
        {
            await first.StartAsync();
            await first.StopAsync();
        }
        // The archive opens beside the index, and the engine beside the server's start: its failure still ends the
        // start, told once, with no worker reported failed beside it.
        foreach (var file in Directory.GetFiles(Data, "archive.db*"))
            File.Delete(file);
        File.WriteAllText(Path.Combine(Data, "archive.db"), new string('x', 8192));
        using var service = NewService("garbled.log");

        var exit = await service.StartExpectingExitAsync();

        Assert.True(exit != 0, $"exit code {exit}\n{service.LogTail()}");
        Assert.Contains($"The service cannot start: The data folder {Data} cannot be used: its archive cannot be opened", service.LogTail());
        Assert.Single(service.LogTail().Split('\n'), line => line.Contains("cannot start"));
        Assert.DoesNotContain("failed (", service.LogTail());
        Assert.DoesNotContain("   at ", service.LogTail());
    }

    [Fact]
    public async Task A_stop_asked_for_exits_zero()
    {
        using var service = NewService("stop.log");
        await service.StartAsync();

        var exit = await service.StopAsync();

        Assert.True(exit == 0, $"exit code {exit}\n{service.LogTail()}");
    }
}
