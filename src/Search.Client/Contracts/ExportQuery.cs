using Refit;

namespace Search.Client.Contracts;

/// <summary>The query-string parameters of <c>GET /api/search/export</c>: the search's own, and how to write its matches.</summary>
public sealed class ExportQuery : SearchFilterQuery
{
    /// <summary><c>csv</c> (default) or <c>jsonl</c>.</summary>
    [AliasAs("format")] public string? Format { get; set; }

    /// <summary><c>relevance</c> (default with words) or <c>date</c> (newest first; default without).</summary>
    [AliasAs("order")] public string? Order { get; set; }

    /// <summary>Include each document's body (default: in JSON Lines, which is for sending back, not in CSV).</summary>
    [AliasAs("body")] public bool? Body { get; set; }
}
