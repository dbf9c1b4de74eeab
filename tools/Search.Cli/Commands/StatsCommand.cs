using Search.Client;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>Shows <c>GET /api/admin/stats</c>: archive and index counts, generation, size, pending work.</summary>
public sealed class StatsCommand : ServiceCommand<GlobalSettings>
{
    protected override async Task<int> RunAsync(ISearchApi api, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var stats = await api.GetStatsAsync(cancellationToken);
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("")
            .AddRow("Documents in the archive", $"{stats.ArchiveDocuments:N0}")
            .AddRow("Documents in the index", $"{stats.IndexDocuments:N0}")
            .AddRow("Waiting to be indexed", $"{stats.Pending:N0}")
            .AddRow("Generation", $"{stats.Generation:N0}")
            .AddRow("Analyzer (code / index)", $"{Markup.Escape(stats.AnalyzerVersion)} / {Markup.Escape(stats.IndexAnalyzerVersion)}")
            .AddRow("Index size", $"{stats.IndexSizeBytes / 1048576.0:N1} MB")
            .AddRow("Last commit", stats.LastCommit is { } commit ? $"{commit.ToLocalTime():yyyy-MM-dd HH:mm:ss zzz}" : "[grey]never[/]")
            .AddRow("Reindex", stats.Reindex is { } job ? $"{Markup.Escape(job.JobId)}: {job.Processed:N0}/{job.Total:N0}" : "[grey]none running[/]");
        AnsiConsole.Write(table);
        return 0;
    }
}
