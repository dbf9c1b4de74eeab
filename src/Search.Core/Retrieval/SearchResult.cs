using Search.Core.Languages;

namespace Search.Core.Retrieval;

/// <param name="NextCursor">Where the next page starts; null when this page was the last.</param>
public sealed record SearchResult(long Total, IReadOnlyList<Hit> Hits, Facets Facets, SearchCursor? NextCursor = null);

/// <param name="Snippet">HTML: the best passage of the body, escaped, with matches in <c>&lt;mark&gt;</c>.</param>
public sealed record Hit(string Id, string Title, DateOnly? Date, string Source, float Score, string Snippet)
{
    /// <summary>The language the document is searched in; null in an index built before languages were.</summary>
    public string? Lang { get; init; }

    /// <summary>Its versions in other languages.</summary>
    public IReadOnlyList<DocumentVersion> Versions { get; init; } = [];
}

/// <param name="Dates">Buckets in date order, keyed per the requested interval.</param>
/// <param name="Sources">Buckets largest first (ties by name).</param>
/// <param name="Languages">Buckets largest first (ties by code).</param>
public sealed record Facets(IReadOnlyList<Bucket> Dates, IReadOnlyList<Bucket> Sources, long Undated, IReadOnlyList<Bucket> Languages);

public sealed record Bucket(string Key, long Count);
