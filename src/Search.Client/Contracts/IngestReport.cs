namespace Search.Client.Contracts;

/// <summary>
/// What an ingest did: the answer to <c>POST /api/pages</c>, and the report the inbox writes beside
/// each file it takes (<c>done/&lt;name&gt;.report.json</c>).
/// </summary>
/// <param name="Accepted">Documents stored, new or in place of a document with the same id.</param>
/// <param name="Replaced">Of the accepted, those that replaced a document the archive held (the same page again).</param>
/// <param name="Undated">Of the accepted, those stored without a date because none could be read.</param>
/// <param name="Refused">Pages not stored; each says why in <see cref="Pages"/>.</param>
/// <param name="Sequence">Archive sequence number of the last stored document; searchable once the index reaches it.</param>
/// <param name="Pages">Page by page; empty for a JSON Lines file, whose documents are not listed one by one.</param>
/// <param name="Searchable">
/// With <c>?wait=true</c>: true once the stored pages are searchable, false when the server's wait
/// limit passed first (they are stored all the same); null without <c>wait</c>, and in the inbox's reports.
/// </param>
public sealed record IngestReport(int Accepted, int Replaced, int Undated, int Refused, long Sequence, IReadOnlyList<IngestedPage> Pages, bool? Searchable = null);

/// <summary>What became of one page.</summary>
/// <param name="Name">The file's name or path, as sent.</param>
/// <param name="Status"><see cref="Added"/>, <see cref="Replaced"/> or <see cref="Refused"/>.</param>
/// <param name="Id">The document's id (derived from the page's address or content when it has none).</param>
/// <param name="Date">The date read, <c>yyyy-MM-dd</c>; null when the page is undated or refused.</param>
/// <param name="Undated">Stored without a date: none could be read from the page.</param>
/// <param name="Reason">Why the page was refused.</param>
/// <param name="Encoding">The encoding the page was read in (utf-8, utf-16le, windows-1256, …).</param>
public sealed record IngestedPage(
    string Name,
    string Status,
    string? Id,
    string? Title,
    string? Date,
    bool Undated,
    string? Reason,
    string? Encoding)
{
    public const string Added = "added";
    public const string Replaced = "replaced";
    public const string Refused = "refused";
}
