using System.ComponentModel;
using Search.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>Shows <c>GET /api/stories/{id}</c>: who carried a story, first one first, and how many days later the others did.</summary>
public sealed class StoryCommand : ServiceCommand<StoryCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "<STORY_ID>")]
        [Description("The story's id, as search shows it (16 hex digits)")]
        public string Id { get; set; } = "";
    }

    protected override async Task<int> RunAsync(ISearchApi api, Settings settings, CancellationToken cancellationToken)
    {
        var story = await api.GetStoryAsync(settings.Id, cancellationToken);
        AnsiConsole.MarkupLine($"Story [bold]{Markup.Escape(story.Id)}[/]: {story.Copies:N0} copies, {story.Sources.Count:N0} sources, first on {Markup.Escape(story.First ?? "an unknown date")}");
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumn(new TableColumn("Id").NoWrap())
            .AddColumn(new TableColumn("Date").NoWrap())
            .AddColumn(new TableColumn("Days later").RightAligned().NoWrap())
            .AddColumn("Source")
            .AddColumn("Title")
            .AddColumn("Shared passage");
        foreach (var carrier in story.Carriers)
            table.AddRow(
                new Markup(carrier.First ? $"[bold]{Markup.Escape(carrier.Id)}[/] [green](first)[/]" : Markup.Escape(carrier.Id)),
                new Markup(carrier.Date is null ? "[grey]undated[/]" : Markup.Escape(carrier.Date)),
                new Text(carrier.DaysAfterFirst?.ToString() ?? ""),
                new Text(carrier.Source),
                new Text(carrier.Title),
                new Text(carrier.Shared));
        AnsiConsole.Write(table);
        return 0;
    }
}
