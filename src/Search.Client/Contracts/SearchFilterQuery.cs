using Refit;

namespace Search.Client.Contracts;

/// <summary>
/// What a search finds, as every endpoint that runs one reads it (<c>/api/search</c>, <c>/api/search/export</c>,
/// <c>/api/search.atom</c>): its words and filters. Every one is optional.
/// </summary>
public abstract class SearchFilterQuery
{
    /// <summary>What the user typed: words, "exact phrases", -excluded words, OR.</summary>
    [AliasAs("q")] public string? Q { get; set; }

    /// <summary>Inclusive start date, <c>yyyy-MM-dd</c>.</summary>
    [AliasAs("from")] public string? From { get; set; }

    /// <summary>Inclusive end date, <c>yyyy-MM-dd</c>.</summary>
    [AliasAs("to")] public string? To { get; set; }

    /// <summary>Exact source name.</summary>
    [AliasAs("source")] public string? Source { get; set; }

    /// <summary>Only documents in this language (<c>ar</c>, <c>en</c>, <c>ru</c>, <c>fr</c>…).</summary>
    [AliasAs("lang")] public string? Lang { get; set; }

    /// <summary>Only documents quoting this speaker, by any name the archive writes for them.</summary>
    [AliasAs("speaker")] public string? Speaker { get; set; }

    /// <summary><c>quotes</c>: match the words inside quotations only; absent: in titles and bodies.</summary>
    [AliasAs("in")] public string? In { get; set; }
}
