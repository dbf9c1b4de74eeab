namespace Search.Core.Ingest;

public enum IngestStatus
{
    /// <summary>Stored under an id the archive did not hold.</summary>
    Added,

    /// <summary>Stored in place of the document the archive held under that id.</summary>
    Replaced,

    /// <summary>Not stored; <see cref="IngestItem.Reason"/> says why.</summary>
    Refused,
}

/// <summary>What became of one page.</summary>
/// <param name="Name">The page's file name or path, as sent.</param>
/// <param name="Encoding">The encoding the page was read in.</param>
public sealed record IngestItem(
    string Name,
    IngestStatus Status,
    string? Id = null,
    string? Title = null,
    DateOnly? Date = null,
    string? Reason = null,
    string? Encoding = null)
{
    /// <summary>Stored without a date: none could be read from the page.</summary>
    public bool Undated => Status != IngestStatus.Refused && Date is null;
}

/// <summary>
/// What one ingest did, whichever door it came through (a request of documents or pages, an inbox
/// file). Documents in JSON are taken whole or not at all: any <see cref="Errors"/> means none was
/// stored. Pages stand alone: each has its <see cref="Items"/> entry, added, replaced or refused.
/// </summary>
/// <param name="Read">Documents or pages read from the input, valid or not.</param>
/// <param name="Accepted">Stored, new or in place of a document with the same id (<paramref name="Replaced"/> of them).</param>
/// <param name="Undated">Of the accepted, those without a date.</param>
/// <param name="Refused">Not stored: invalid documents, or pages that could not be read.</param>
/// <param name="Sequence">The archive sequence to wait for before everything stored is searchable.</param>
/// <param name="Items">Page by page; empty for documents sent as JSON.</param>
/// <param name="Errors">Why JSON documents were refused, by line (or array element); nothing was stored when there are any.</param>
/// <param name="Problem">Why the input as a whole could not be read (not UTF-8, no documents, not a file); nothing was stored.</param>
public sealed record IngestReport(
    int Read,
    int Accepted,
    int Replaced,
    int Undated,
    int Refused,
    long Sequence,
    IReadOnlyList<IngestItem> Items,
    IReadOnlyList<DocumentError> Errors,
    string? Problem = null)
{
    /// <summary>The input could not be read at all.</summary>
    public static IngestReport Unreadable(string problem, long sequence) => new(0, 0, 0, 0, 0, sequence, [], [], problem);
}
