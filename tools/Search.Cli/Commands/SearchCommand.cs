using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using Search.Cli.Output;
using Search.Client;
using Search.Client.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>Runs <c>GET /api/search</c> and shows the page of hits with the date and source facets.</summary>
public sealed class SearchCommand : ServiceCommand<SearchCommand.Settings>
{
    private const int DefaultPageSize = 10;

    /// <summary>Relaxed escaping keeps Arabic text and the snippets' mark tags readable; the output is not embedded in HTML.</summary>
    private static readonly JsonSerializerOptions JsonOutput = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed class Settings : SearchFilters
    {
        private static readonly string[] Sorts = ["relevance", "newest", "oldest"];
        private static readonly string[] Intervals = ["year", "month", "day"];

        [CommandOption("--sort <ORDER>")]
        [Description("relevance (default), newest or oldest")]
        public string? Sort { get; set; }

        [CommandOption("--page <N>")]
        [Description("Page number, from 1")]
        public int? Page { get; set; }

        [CommandOption("--size <N>")]
        [Description("Hits per page, 1 to 100 (default 10)")]
        public int? Size { get; set; }

        [CommandOption("--interval <INTERVAL>")]
        [Description("Date buckets: year, month (default) or day")]
        public string? Interval { get; set; }

        [CommandOption("--all-copies")]
        [Description("List every copy of a story (collapse=none) instead of each story once")]
        public bool AllCopies { get; set; }

        [CommandOption("--json")]
        [Description("Print the response as indented JSON instead of tables")]
        public bool Json { get; set; }

        public override ValidationResult Validate()
        {
            if (Sort is not null && !Sorts.Contains(Sort, StringComparer.OrdinalIgnoreCase))
                return ValidationResult.Error($"--sort must be one of {string.Join(", ", Sorts)}.");
            if (Interval is not null && !Intervals.Contains(Interval, StringComparer.OrdinalIgnoreCase))
                return ValidationResult.Error($"--interval must be one of {string.Join(", ", Intervals)}.");
            if (Page < 1)
                return ValidationResult.Error("--page must be at least 1.");
            if (Size is < 1 or > 100)
                return ValidationResult.Error("--size must be between 1 and 100.");
            return base.Validate();
        }

        public SearchQuery ToQuery() => Fill(new SearchQuery
        {
            Sort = Sort?.ToLowerInvariant(),
            Page = Page,
            Size = Size,
            Interval = Interval?.ToLowerInvariant(),
            Collapse = AllCopies ? "none" : null,
        });
    }

    protected override async Task<int> RunAsync(ISearchApi api, Settings settings, CancellationToken cancellationToken)
    {
        var response = await api.SearchAsync(settings.ToQuery(), cancellationToken);
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(response, JsonOutput));
            return 0;
        }

        var firstRank = ((settings.Page ?? 1) - 1) * (settings.Size ?? DefaultPageSize) + 1;
        SearchResultView.Write(response, firstRank);
        return 0;
    }
}
