using Search.Client.Contracts;
using Spectre.Console;

namespace Search.Cli.Output;

/// <summary>Prints a search response: the page of hits, then the date and source facets of all matches.</summary>
public static class SearchResultView
{
    /// <summary>More date buckets than this would make a bar chart taller than a screen; they are listed in columns instead.</summary>
    private const int MaxDateBars = 24;
    private const int TopSources = 10;

    /// <summary>Narrower than this, the hits' table would cut its columns to slivers: they are listed instead.</summary>
    private const int MinTableWidth = 120;

    public static void Write(SearchResponse response, int firstRank)
    {
        var stories = response.Stories is { } count && count != response.Total ? $" ([bold]{count:N0}[/] stories)" : "";
        AnsiConsole.MarkupLine($"[bold]{response.Total:N0}[/] results{stories} in {response.TookMs:0.#} ms");
        WriteHits(response.Hits, firstRank);
        WriteDates(response.Facets);
        WriteSources(response.Facets.Source);
    }

    private static void WriteHits(IReadOnlyList<SearchHit> hits, int firstRank)
    {
        if (hits.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey]No hits on this page.[/]");
            return;
        }

        if (AnsiConsole.Profile.Width < MinTableWidth)
        {
            WriteHitList(hits, firstRank);
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumn(new TableColumn("#").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Id").NoWrap())
            .AddColumn(new TableColumn("Date").NoWrap())
            .AddColumn("Source")
            .AddColumn("Title")
            .AddColumn("Snippet")
            .AddColumn(new TableColumn("Story").NoWrap());
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            table.AddRow(
                new Text($"{firstRank + i}"),
                new Text(hit.Id),
                new Markup(hit.Date is null ? "[grey]undated[/]" : Markup.Escape(hit.Date)),
                new Text(hit.Source),
                new Markup($"[bold]{Markup.Escape(hit.Title)}[/]"),
                new Markup(SnippetMarkup.From(hit.Snippet)),
                // A story carried more than once: its id (for `story`) and how many copies it stands for.
                new Markup(hit.Story is { Copies: > 1 } story ? $"{story.Id}\n[grey]{story.Copies} copies[/]" : ""));
        }
        AnsiConsole.Write(table);
    }

    /// <summary>
    /// On a console narrower than <see cref="MinTableWidth"/> (80 columns is the default of most
    /// terminals, and of output that is not one), each hit is a few lines instead of a table row,
    /// whose seven columns would cut ids, titles and snippets into slivers of two letters.
    /// </summary>
    private static void WriteHitList(IReadOnlyList<SearchHit> hits, int firstRank)
    {
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var date = hit.Date is null ? "[grey]undated[/]" : Markup.Escape(hit.Date);
            var source = string.IsNullOrEmpty(hit.Source) ? "" : $" · {Markup.Escape(hit.Source)}";
            AnsiConsole.MarkupLine($"[bold]{firstRank + i,3}.[/] {Markup.Escape(hit.Id)} · {date}{source}");
            if (!string.IsNullOrEmpty(hit.Title))
                AnsiConsole.Write(new Padder(new Markup($"[bold]{Markup.Escape(hit.Title)}[/]"), new Padding(5, 0, 0, 0)));
            if (!string.IsNullOrEmpty(hit.Snippet))
                AnsiConsole.Write(new Padder(new Markup(SnippetMarkup.From(hit.Snippet)), new Padding(5, 0, 0, 0)));
            if (hit.Story is { Copies: > 1 } story)
                AnsiConsole.Write(new Padder(new Markup($"[grey]story {Markup.Escape(story.Id)}: {story.Copies} copies[/]"), new Padding(5, 0, 0, 0)));
            AnsiConsole.WriteLine();
        }
    }

    private static void WriteDates(SearchFacets facets)
    {
        if (facets.Date.Count == 0 && facets.Undated == 0)
            return;

        AnsiConsole.Write(new Rule("By date").LeftJustified());
        if (facets.Date.Count > MaxDateBars)
            AnsiConsole.Write(new Columns(facets.Date.Select(bucket => new Markup($"{Markup.Escape(bucket.Key)} [bold]{bucket.Count:N0}[/]"))));
        else if (facets.Date.Count > 0)
            AnsiConsole.Write(Chart(facets.Date, Color.SteelBlue));
        if (facets.Undated > 0)
            AnsiConsole.MarkupLine($"[grey]Undated:[/] {facets.Undated:N0}");
    }

    private static void WriteSources(IReadOnlyList<FacetBucket> sources)
    {
        if (sources.Count == 0)
            return;

        AnsiConsole.Write(new Rule(sources.Count > TopSources ? $"Top {TopSources} of {sources.Count} sources" : "Sources").LeftJustified());
        AnsiConsole.Write(Chart(sources.Take(TopSources), Color.Green));
    }

    private static BarChart Chart(IEnumerable<FacetBucket> buckets, Color color) =>
        new BarChart()
            .Width(Math.Min(AnsiConsole.Profile.Width, 100))
            .UseValueFormatter(value => $"{value:N0}")
            .AddItems(buckets, bucket => new BarChartItem(Markup.Escape(bucket.Key), bucket.Count, color));
}
