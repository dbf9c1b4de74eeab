using Search.Client;
using Spectre.Console;

namespace Search.Cli.Commands;

/// <summary>Shows <c>GET /api/status</c>: whether the service is ready and what its index holds.</summary>
public sealed class StatusCommand : ServiceCommand<GlobalSettings>
{
    protected override async Task<int> RunAsync(ISearchApi api, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var status = await api.GetStatusAsync(cancellationToken);
        var analyzerStyle = status.IndexAnalyzerVersion == status.AnalyzerVersion ? "default" : "yellow";

        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("")
            .AddRow("Service", Markup.Escape(settings.ServiceUrl))
            .AddRow("Ready", status.Ready ? "[green]yes[/]" : "[yellow]no[/]")
            .AddRow("Documents", $"{status.Documents:N0}")
            .AddRow("Pending", $"{status.Pending:N0}")
            .AddRow("Analyzer version", Markup.Escape(status.AnalyzerVersion))
            .AddRow("Index analyzer version", $"[{analyzerStyle}]{Markup.Escape(status.IndexAnalyzerVersion)}[/]")
            .AddRow("Generation", $"{status.Generation:N0}")
            .AddRow("Last commit", status.LastCommit is { } commit ? $"{commit.ToLocalTime():yyyy-MM-dd HH:mm:ss zzz}" : "[grey]never[/]");
        AnsiConsole.Write(table);
        return 0;
    }
}
