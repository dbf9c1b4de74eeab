using System.ComponentModel;
using System.Globalization;
using Search.Client.Contracts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Search.Cli.Commands;

/// <summary>What a search finds, as every command that runs one takes it (<c>search</c>, <c>export</c>): its words and filters.</summary>
public class SearchFilters : GlobalSettings
{
    [CommandArgument(0, "<QUERY>")]
    [Description("Words, \"exact phrases\", -excluded words, OR; \"\" for every document the filters keep")]
    public string Query { get; set; } = "";

    [CommandOption("--from <DATE>")]
    [Description("First publication date, yyyy-MM-dd")]
    public string? From { get; set; }

    [CommandOption("--to <DATE>")]
    [Description("Last publication date, yyyy-MM-dd")]
    public string? To { get; set; }

    [CommandOption("--source <NAME>")]
    [Description("Only this source (exact name)")]
    public string? Source { get; set; }

    [CommandOption("--lang <CODE>")]
    [Description("Only documents in this language (ar, en, ru, fr…)")]
    public string? Lang { get; set; }

    [CommandOption("--speaker <NAME>")]
    [Description("Only documents quoting this speaker (any of the names the archive gives them)")]
    public string? Speaker { get; set; }

    [CommandOption("--in-quotes")]
    [Description("Match the words inside quotations only (in=quotes)")]
    public bool InQuotes { get; set; }

    /// <summary>Sets the search's words and filters on a request's parameters.</summary>
    public T Fill<T>(T query) where T : SearchFilterQuery
    {
        (query.Q, query.From, query.To, query.Source, query.Lang, query.Speaker) = (Query, From, To, Source, Lang, Speaker);
        query.In = InQuotes ? "quotes" : null;
        return query;
    }

    public override ValidationResult Validate()
    {
        foreach (var (name, value) in new[] { ("--from", From), ("--to", To) })
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return ValidationResult.Error($"{name} '{value}' is not a yyyy-MM-dd date.");
        if (From is not null && To is not null && string.CompareOrdinal(From, To) > 0)
            return ValidationResult.Error("--from is after --to.");
        return base.Validate();
    }
}
