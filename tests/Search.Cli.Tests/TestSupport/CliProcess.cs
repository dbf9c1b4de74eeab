using System.Diagnostics;

namespace Search.Cli.Tests.TestSupport;

/// <summary>Runs <c>Search.Cli</c> as a user does, as a process of its own in a working folder, and returns its exit code and output.</summary>
public static class CliProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Search.Cli.dll");

    /// <summary>Standard output then standard error; a console wide enough that no line is wrapped.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, columns: 400, args);

    /// <summary>The same on a console <paramref name="columns"/> wide (80: a terminal's default).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, int columns, params string[] args)
    {
        Assert.True(File.Exists(Dll), $"{Dll} is missing: the test project should reference Search.Cli");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("SEARCH_URL");
        start.Environment.Remove("SEARCH_API_KEY");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>The tests that run the service as a child process: one at a time, so two cores are enough.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "processes";
}
