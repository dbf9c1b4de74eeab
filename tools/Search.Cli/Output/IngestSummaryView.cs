using Search.Cli.Commands;
using Search.Cli.Input;
using Search.Client.Contracts;
using Spectre.Console;

namespace Search.Cli.Output;

/// <summary>Prints what happened during an ingest run: refused batches and pages and undated pages as they come, and the totals at the end.</summary>
public static class IngestSummaryView
{
    public static void RefusedBatch(string file, LineBatch batch, ServiceProblem problem)
    {
        AnsiConsole.MarkupLine(
            $"[red]Refused {batch.Count:N0} lines of {Markup.Escape(file)} (lines {batch.FileLines[0]}–{batch.FileLines[^1]}): {Markup.Escape(problem.StatusLine)}[/]");
        ErrorView.WriteDetails(AnsiConsole.Console, problem, error => error.Line is { } line ? FileLineLabel(batch, line) : null);
    }

    /// <summary>Each page as the service read it: added or replaced with its id, date and title (undated ones marked), or refused with the reason.</summary>
    public static void PageReport(IngestReport report)
    {
        foreach (var page in report.Pages)
        {
            if (page.Status == IngestedPage.Refused)
            {
                AnsiConsole.MarkupLine($"[red]Refused {Markup.Escape(page.Name)}: {Markup.Escape(page.Reason ?? "")}[/]");
                continue;
            }
            var date = page.Undated ? "[yellow]undated[/]" : Markup.Escape(page.Date ?? "");
            AnsiConsole.MarkupLine($"{(page.Status == IngestedPage.Replaced ? "Replaced" : "Added")} {Markup.Escape(page.Name)} as [bold]{Markup.Escape(page.Id ?? "")}[/] ({date}): {Markup.Escape(page.Title ?? "")}");
        }
    }

    public static void UnreadableFile(string file, Exception exception) =>
        AnsiConsole.MarkupLine($"[red]Cannot read {Markup.Escape(file)}:[/] {Markup.Escape(exception.Message)}");

    public static void Totals(IngestTally tally, bool cancelled)
    {
        var grid = new Grid().AddColumn(new GridColumn().PadRight(4)).AddColumn();
        grid.AddRow("Files", tally.FilesRead == tally.Files ? $"{tally.Files:N0}" : $"{tally.FilesRead:N0} of {tally.Files:N0} read");
        if (tally.UnreadableFiles > 0)
            grid.AddRow("Unreadable files", $"[red]{tally.UnreadableFiles:N0}[/]");
        grid.AddRow("Documents accepted", $"[green]{tally.Accepted:N0}[/]");
        grid.AddRow("  of them replaced", $"{tally.Replaced:N0}");
        grid.AddRow("  of them undated", tally.Undated > 0 ? $"[yellow]{tally.Undated:N0}[/]" : "0");
        if (tally.RefusedBatches > 0)
            grid.AddRow("Documents refused", $"[red]{tally.Refused:N0}[/] in {tally.RefusedBatches:N0} batch(es)");
        if (tally.RefusedPages > 0)
            grid.AddRow("Pages refused", $"[red]{tally.RefusedPages:N0}[/]");
        grid.AddRow("Elapsed", $"{tally.Elapsed:hh\\:mm\\:ss\\.f}");
        grid.AddRow("Rate", $"{tally.AcceptedPerSecond:N0} docs/s");
        if (tally.LastSequence is { } sequence)
            grid.AddRow("Last sequence", $"{sequence}");

        var header = cancelled ? "[yellow]Ingest cancelled[/]" : tally.HasFailures ? "[red]Ingest finished with errors[/]" : "[green]Ingest finished[/]";
        AnsiConsole.Write(new Panel(grid).Header(header).Border(BoxBorder.Rounded));
    }

    /// <summary>The service numbers lines within the request; the user needs them within the file.</summary>
    private static string FileLineLabel(LineBatch batch, int bodyLine) =>
        batch.FileLineOf(bodyLine) is { } fileLine ? $"{fileLine}" : $"request line {bodyLine}";
}
