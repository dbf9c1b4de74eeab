using System.ComponentModel;
using Search.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>Shows <c>GET /api/documents/{id}/related</c>: the other copies of its story first, then documents on its subject.</summary>
public sealed class RelatedCommand : ServiceCommand<RelatedCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "<DOCUMENT_ID>")]
        [Description("The document's id, as search shows it")]
        public string Id { get; set; } = "";

        [CommandOption("--size <N>")]
        [Description("How many related documents, 1 to 100 (default 10)")]
        public int? Size { get; set; }

        public override ValidationResult Validate() =>
            Size is < 1 or > 100 ? ValidationResult.Error("--size must be between 1 and 100.") : base.Validate();
    }

    protected override async Task<int> RunAsync(ISearchApi api, Settings settings, CancellationToken cancellationToken)
    {
        var related = await api.GetRelatedAsync(settings.Id, settings.Size, cancellationToken);
        if (related.Hits.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]No related documents.[/]");
            return 0;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumn(new TableColumn("Id").NoWrap())
            .AddColumn(new TableColumn("Same story").NoWrap())
            .AddColumn(new TableColumn("Score").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Date").NoWrap())
            .AddColumn("Source")
            .AddColumn("Title");
        foreach (var hit in related.Hits)
            table.AddRow(
                new Text(hit.Id),
                new Markup(hit.SameStory ? "[green]yes[/]" : ""),
                new Text($"{hit.Score:0.##}"),
                new Markup(hit.Date is null ? "[grey]undated[/]" : Markup.Escape(hit.Date)),
                new Text(hit.Source),
                new Text(hit.Title));
        AnsiConsole.Write(table);
        return 0;
    }
}
