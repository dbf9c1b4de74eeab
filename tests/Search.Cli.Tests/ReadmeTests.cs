using System.Diagnostics;
using System.Text;
using Search.Api.Tests.TestSupport;
using Search.Cli.Tests.TestSupport;
using Xunit.Abstractions;

namespace Search.Cli.Tests;

/// <summary>
/// Every command of the README works as written: its <c>curl</c> and CLI examples run, in the
/// README's order and in one shell (as a reader would type them), against a service started on
/// an empty data folder with the sample loaded, from a folder that holds the files the examples
/// name. Any answer that is not 2xx, or any failing command, fails the test. Commands that need
/// <c>../shared</c> run against it when it is beside the repository, and are listed as skipped otherwise.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ReadmeTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task Every_curl_and_cli_command_of_the_readme_runs_as_written()
    {
        Skip.IfNot(File.Exists("/bin/bash") && (File.Exists("/usr/bin/curl") || File.Exists("/bin/curl")), "the README's commands need bash and curl");
        var root = Repository.Root();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
        var sharedPresent = Directory.Exists(shared);

        // The reader's folder: the files the examples name, the data folder as index-data/, and ../shared beside it.
        var work = Path.Combine(_folder.Path, "work");
        ReadmeFiles.WriteInto(work);
        if (sharedPresent)
            Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "shared"), shared);
        using var service = new ServiceProcess(Path.Combine(work, "index-data"), Path.Combine(_folder.Path, "service.log"),
            new Dictionary<string, string> { ["Search:LoadSample"] = "true", ["Search:AdminApiKey"] = "" });
        await service.StartAsync();

        var script = new StringBuilder("set -euo pipefail -x\n");
        var ran = 0;
        foreach (var command in ReadmeCommands.Read(Path.Combine(root, "README.md")))
        {
            if (ReadmeCommands.NotRun(command, sharedPresent) is { } reason)
            {
                output.WriteLine($"not run ({reason}): {command.Text}");
                continue;
            }
            script.AppendLine(ReadmeCommands.AsRun(command, service.BaseAddress!, CliProcess.Dll));
            ran++;
        }
        Assert.True(ran >= 20, $"only {ran} commands found in the README's shell blocks");

        var (exitCode, log) = await RunAsync(work, script.ToString(), service.BaseAddress!);

        output.WriteLine(log);
        Assert.True(exitCode == 0, $"a README command failed (exit {exitCode}); the last lines of the run:\n{Tail(log)}\n{service.LogTail()}");
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string folder, string script, Uri service)
    {
        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        // The CLI's commands name no --url: SEARCH_URL points them at this service (the README's address is taken).
        start.Environment["SEARCH_URL"] = service.ToString();
        start.Environment.Remove("SEARCH_API_KEY");
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var log = new StringBuilder();
        var gate = new Lock();
        process.OutputDataReceived += (_, e) => { lock (gate) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (gate) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        process.WaitForExit();
        lock (gate)
            return (process.ExitCode, log.ToString());
    }

    private static string Tail(string log) => log.Length > 6_000 ? log[^6_000..] : log;
}
