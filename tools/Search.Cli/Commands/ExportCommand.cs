using System.ComponentModel;
using Refit;
using Search.Client;
using Search.Client.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>
/// Runs <c>GET /api/search/export</c> into a file: every match of the search, not a page, with a progress
/// bar against the search's total (asked first) as the rows arrive. The file is written under a temporary
/// name and renamed when complete, so an interrupted export never passes for a whole one.
/// </summary>
public sealed class ExportCommand : ServiceCommand<ExportCommand.Settings>
{
    public sealed class Settings : SearchFilters
    {
        private static readonly string[] Formats = ["csv", "jsonl"];
        private static readonly string[] Orders = ["relevance", "date"];

        [CommandOption("--format <FORMAT>")]
        [Description("csv (default; UTF-8 with BOM, for spreadsheets) or jsonl (JSON Lines, which ingest takes back)")]
        public string Format { get; set; } = "csv";

        [CommandOption("--order <ORDER>")]
        [Description("relevance (default with words) or date (newest first; default without)")]
        public string? Order { get; set; }

        [CommandOption("--body")]
        [Description("Include each document's body (always in jsonl)")]
        public bool Body { get; set; }

        [CommandOption("--out <FILE>")]
        [Description("Where to write (default: export.csv or export.jsonl in the current folder)")]
        public string? Out { get; set; }

        public override ValidationResult Validate()
        {
            if (!Formats.Contains(Format, StringComparer.OrdinalIgnoreCase))
                return ValidationResult.Error($"--format must be one of {string.Join(", ", Formats)}.");
            if (Order is not null && !Orders.Contains(Order, StringComparer.OrdinalIgnoreCase))
                return ValidationResult.Error($"--order must be one of {string.Join(", ", Orders)}.");
            return base.Validate();
        }

        public bool IsCsv => Format.Equals("csv", StringComparison.OrdinalIgnoreCase);

        public string OutPath => Path.GetFullPath(Out ?? (IsCsv ? "export.csv" : "export.jsonl"));
    }

    protected override async Task<int> RunAsync(ISearchApi api, Settings settings, CancellationToken cancellationToken)
    {
        // The total first (every copy of a story is a row of the export, and total counts them all).
        var total = (await api.SearchAsync(settings.Fill(new SearchQuery { Size = 1, Snippets = false }), cancellationToken)).Total;

        using var response = await api.ExportAsync(settings.Fill(new ExportQuery
        {
            Format = settings.Format.ToLowerInvariant(), Order = settings.Order?.ToLowerInvariant(), Body = settings.Body ? true : null,
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await ApiException.Create(response.RequestMessage!, HttpMethod.Get, response, new RefitSettings());

        var path = settings.OutPath;
        var partial = path + ".partial";
        var rows = new RowCounter(settings.IsCsv);
        try
        {
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Exporting {total:N0} documents", maxValue: Math.Max(total, 1));
                    await using var input = await response.Content.ReadAsStreamAsync(cancellationToken);
                    await using (var output = File.Create(partial))
                    {
                        var buffer = new byte[81_920];
                        int read;
                        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                        {
                            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                            rows.Add(buffer.AsSpan(0, read));
                            task.Value = Math.Min(rows.Count, task.MaxValue);
                        }
                    }
                    task.Value = task.MaxValue;
                });
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        AnsiConsole.MarkupLine($"[green]{rows.Count:N0}[/] documents written to [bold]{Markup.Escape(path)}[/]");
        if (rows.Count != total)
            AnsiConsole.MarkupLine($"[yellow]The search counted {total:N0}: documents were added or removed while it ran.[/]");
        return 0;
    }

    /// <summary>
    /// Counts the records as bytes arrive: a JSON line ends in a line feed; a CSV record in CRLF outside quotes
    /// (a body's line breaks are inside its quoted field). The CSV header is not a document.
    /// </summary>
    private sealed class RowCounter(bool csv)
    {
        private bool _inQuotes;
        private byte _previous;
        private long _lines;

        public long Count => csv ? Math.Max(0, _lines - 1) : _lines;

        public void Add(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (csv && b == (byte)'"')
                    _inQuotes = !_inQuotes;
                else if (b == (byte)'\n' && (!csv || !_inQuotes && _previous == (byte)'\r'))
                    _lines++;
                _previous = b;
            }
        }
    }
}
