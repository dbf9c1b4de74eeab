namespace Search.Core.Ingest;

public enum PageIngestStatus
{
    /// <summary>Stored under an id the archive did not hold.</summary>
    Added,

    /// <summary>Stored in place of the document the archive held under that id.</summary>
    Replaced,

    /// <summary>Not stored; <see cref="PageIngestItem.Reason"/> says why.</summary>
    Refused,
}

/// <summary>What became of one page.</summary>
public sealed record PageIngestItem(
    string Name,
    PageIngestStatus Status,
    string? Id = null,
    string? Title = null,
    DateOnly? Date = null,
    string? Reason = null,
    string? Encoding = null)
{
    /// <summary>Stored without a date: none could be read from the page.</summary>
    public bool Undated => Status != PageIngestStatus.Refused && Date is null;
}

/// <summary>What became of a batch of pages, page by page, with the totals an ingest report gives.</summary>
/// <param name="Sequence">The archive sequence to wait for before all stored pages are searchable.</param>
public sealed record PageIngestReport(IReadOnlyList<PageIngestItem> Items, long Sequence)
{
    /// <summary>Pages stored, new or in place of another (<see cref="Replaced"/> of them).</summary>
    public int Accepted => Items.Count(i => i.Status != PageIngestStatus.Refused);

    public int Replaced => Items.Count(i => i.Status == PageIngestStatus.Replaced);

    public int Undated => Items.Count(i => i.Undated);

    public int Refused => Items.Count(i => i.Status == PageIngestStatus.Refused);
}
