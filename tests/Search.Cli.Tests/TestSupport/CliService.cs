using Search.Api.Tests.TestSupport;

namespace Search.Cli.Tests.TestSupport;

/// <summary>One service process over a temporary data folder for a class of CLI tests, and a working folder for the CLI.</summary>
public sealed class CliService : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public ServiceProcess Service { get; private set; } = null!;

    /// <summary>Where the CLI runs and the tests write the files it is given.</summary>
    public string WorkingFolder => Path.Combine(_folder.Path, "work");

    public string Url => Service.BaseAddress!.ToString();

    /// <summary>Runs the CLI against this service with its admin key.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        CliProcess.RunAsync(WorkingFolder, [.. args, "--url", Url, "--api-key", ServiceProcess.AdminKey]);

    /// <summary>The same on a console <paramref name="columns"/> wide.</summary>
    public Task<(int ExitCode, string Output)> RunNarrowAsync(int columns, params string[] args) =>
        CliProcess.RunAsync(WorkingFolder, columns, [.. args, "--url", Url, "--api-key", ServiceProcess.AdminKey]);

    /// <summary>Writes a file under the working folder (folders made as needed) and returns its relative path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(WorkingFolder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return relativePath;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkingFolder);
        Service = new ServiceProcess(Path.Combine(_folder.Path, "data"), Path.Combine(_folder.Path, "service.log"));
        await Service.StartAsync();
    }

    public Task DisposeAsync()
    {
        Service.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
