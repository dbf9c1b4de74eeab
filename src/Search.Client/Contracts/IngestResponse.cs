namespace Search.Client.Contracts;

/// <summary>The answer to <c>POST /api/documents</c>: every document of the request was stored.</summary>
/// <param name="Accepted">How many documents the request held (all of them, or the request was refused).</param>
/// <param name="Sequence">Archive sequence number of the last accepted document; searchable once the index reaches it.</param>
/// <param name="Replaced">Of the accepted, those whose id the archive already held.</param>
/// <param name="Undated">Of the accepted, those without a date.</param>
/// <param name="Searchable">
/// With <c>?wait=true</c>: true once they are searchable, false when the server's wait limit passed
/// first (they are stored all the same); null without <c>wait</c>.
/// </param>
public sealed record IngestResponse(int Accepted, long Sequence, int Replaced = 0, int Undated = 0, bool? Searchable = null);
