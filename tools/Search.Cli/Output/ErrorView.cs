using System.Net.Sockets;
using Spectre.Console;

namespace Search.Cli.Output;

/// <summary>Prints failed calls to standard error as a few readable lines rather than stack traces.</summary>
public static class ErrorView
{
    private static readonly IAnsiConsole Error = CreateErrorConsole();

    public static void Unreachable(string url, Exception exception)
    {
        var reason = exception.InnerException switch
        {
            HttpRequestException { InnerException: SocketException socket } => socket.Message,
            { } inner => inner.Message,
            null => exception.Message,
        };
        Error.MarkupLine($"[red]Cannot reach the search service at {Markup.Escape(url)}:[/] {Markup.Escape(reason)}");
    }

    public static void Refused(ServiceProblem problem, string? hint)
    {
        Error.MarkupLine($"[red]The service refused the request: {Markup.Escape(problem.StatusLine)}[/]");
        WriteDetails(Error, problem, error => error.Line?.ToString());
        if (hint is not null)
            Error.MarkupLine(hint);
    }

    /// <summary>A failure of the command itself, not of a call to the service, in one line.</summary>
    public static void Failed(string message) => Error.MarkupLine($"[red]{Markup.Escape(message)}[/]");

    /// <summary>Prints the title, detail and errors of a problem; <paramref name="lineLabel"/> says where each error is.</summary>
    public static void WriteDetails(IAnsiConsole console, ServiceProblem problem, Func<ProblemError, string?> lineLabel)
    {
        var summary = string.Join(": ", new[] { problem.Title, problem.Detail }.Where(text => !string.IsNullOrWhiteSpace(text)));
        if (summary.Length > 0)
            console.MarkupLine($"  {Markup.Escape(summary)}");
        if (problem.Errors.Count == 0)
            return;

        var table = new Table().Border(TableBorder.Simple).AddColumn("Line").AddColumn("Id").AddColumn("Reason");
        foreach (var error in problem.Errors)
            table.AddRow(Markup.Escape(lineLabel(error) ?? "-"), Markup.Escape(error.Id ?? "-"), Markup.Escape(error.Reason));
        console.Write(table);
    }

    private static IAnsiConsole CreateErrorConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        // Spectre wraps at 80 columns when it cannot ask a terminal; a log file or pipe reads better unwrapped.
        if (Console.IsErrorRedirected)
            console.Profile.Width = 1000;
        return console;
    }
}
