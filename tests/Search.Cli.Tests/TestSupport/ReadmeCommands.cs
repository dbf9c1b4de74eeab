using System.Text.RegularExpressions;

namespace Search.Cli.Tests.TestSupport;

/// <summary>A command of a shell block of the README: its text (continuation lines joined) and the block's heading.</summary>
public sealed record ReadmeCommand(string Text, string Section);

/// <summary>
/// The commands of the README's <c>```sh</c> blocks, in order, and how the README test runs them:
/// against the service it started instead of <c>localhost:5080</c>, with the built CLI instead of
/// <c>dotnet run</c>, and with curl failing on any answer that is not 2xx.
/// </summary>
public static partial class ReadmeCommands
{
    public static IReadOnlyList<ReadmeCommand> Read(string readmePath)
    {
        var commands = new List<ReadmeCommand>();
        var section = "";
        var inShellBlock = false;
        string? pending = null;
        foreach (var line in File.ReadLines(readmePath))
        {
            if (!inShellBlock && line.StartsWith('#'))
                section = line.TrimStart('#', ' ');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShellBlock = !inShellBlock && line.Trim() == "```sh";
                continue;
            }
            if (!inShellBlock)
                continue;
            var text = pending is null ? line.Trim() : pending + " " + line.Trim();
            if (text.EndsWith('\\'))
            {
                pending = text[..^1].TrimEnd();
                continue;
            }
            pending = null;
            if (text.Length > 0 && !text.StartsWith('#'))
                commands.Add(new ReadmeCommand(text, section));
        }
        return commands;
    }

    /// <summary>Why the test does not run the command itself, or null when it does.</summary>
    public static string? NotRun(ReadmeCommand command, bool sharedDataPresent)
    {
        if (command.Text.Contains("--project src/Search.Api", StringComparison.Ordinal))
            return "starts the service, which the test has started (with the sample, on a free port)";
        if (command.Text.StartsWith("dotnet test", StringComparison.Ordinal))
            return "runs the tests, this one among them";
        if (command.Text.Contains("../shared", StringComparison.Ordinal) && !sharedDataPresent)
            return "needs ../shared (the shared corpus and dev-eval set beside the repository), absent here";
        return null;
    }

    /// <summary>The command as the test runs it; <paramref name="cliDll"/> is the built Search.Cli.</summary>
    public static string AsRun(ReadmeCommand command, Uri service, string cliDll)
    {
        var text = command.Text
            .Replace("http://localhost:5080", service.ToString().TrimEnd('/'), StringComparison.Ordinal)
            .Replace("dotnet run --project tools/Search.Cli --", $"dotnet '{cliDll}'", StringComparison.Ordinal);
        return CurlCall().Replace(text, "curl --fail-with-body --show-error --max-time 120 ");
    }

    [GeneratedRegex(@"(?<![\w-])curl (?=-)")]
    private static partial Regex CurlCall();
}
