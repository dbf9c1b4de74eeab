using Search.Core.Languages;
using Search.Core.Quotes;

namespace Search.Core.Retrieval;

/// <param name="Total">Matching documents.</param>
/// <param name="NextCursor">Where the next page starts; null when this page was the last.</param>
public sealed record SearchResult(long Total, IReadOnlyList<Hit> Hits, Facets Facets, SearchCursor? NextCursor = null)
{
    /// <summary>Matching stories (each document of no story counts as one) when stories are collapsed; null otherwise.</summary>
    public long? Stories { get; init; }
}

/// <param name="Snippet">HTML: the best passage of the body, escaped, with matches in <c>&lt;mark&gt;</c>.</param>
public sealed record Hit(string Id, string Title, DateOnly? Date, string Source, float Score, string Snippet)
{
    /// <summary>The language the document is searched in; null in an index built before languages were.</summary>
    public string? Lang { get; init; }

    /// <summary>Its versions in other languages.</summary>
    public IReadOnlyList<DocumentVersion> Versions { get; init; } = [];

    /// <summary>Its story when stories are collapsed: the copies the hit stands for.</summary>
    public StorySummary? Story { get; init; }

    /// <summary>Its quotations with their speakers, in the order of the body; read with the snippet, empty without one.</summary>
    public IReadOnlyList<Quotation> Quotes { get; init; } = [];

    /// <summary>Where it was published; read with the snippet (from the stored document), null without one.</summary>
    public string? Url { get; init; }
}

/// <summary>A story as a hit shows it.</summary>
/// <param name="Id">The story's id (16 hex digits), stable: the same documents give the same id.</param>
/// <param name="Copies">Documents carrying it, the hit included.</param>
/// <param name="Sources">The outlets that carried it, first carrier first.</param>
/// <param name="First">The earliest date it was carried; null when every copy is undated.</param>
public sealed record StorySummary(string Id, int Copies, IReadOnlyList<string> Sources, DateOnly? First);

/// <param name="Dates">Buckets in date order, keyed per the requested interval.</param>
/// <param name="Sources">Buckets largest first (ties by name).</param>
/// <param name="Languages">Buckets largest first (ties by code).</param>
public sealed record Facets(IReadOnlyList<Bucket> Dates, IReadOnlyList<Bucket> Sources, long Undated, IReadOnlyList<Bucket> Languages)
{
    /// <summary>The speakers quoted in the matches, by name, the most documents first; at most <see cref="MaxSpeakers"/>.</summary>
    public IReadOnlyList<Bucket> Speakers { get; init; } = [];

    /// <summary>An archive quotes thousands of people: the facet shows the most quoted, the speakers listing them all.</summary>
    public const int MaxSpeakers = 50;
}

public sealed record Bucket(string Key, long Count);
