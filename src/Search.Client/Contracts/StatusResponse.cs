namespace Search.Client.Contracts;

/// <summary>What <c>GET /api/status</c> says about the service, for people and scripts.</summary>
/// <param name="Documents">Documents in the searchable index.</param>
/// <param name="Pending">Documents accepted but not yet searchable.</param>
/// <param name="AnalyzerVersion">Version of the analysis chain the code runs.</param>
/// <param name="IndexAnalyzerVersion">Version of the analysis chain the open index was built with.</param>
/// <param name="Sample">
/// Ids of the statements invented for this project that the archive still holds (loaded into an
/// empty archive; <c>DELETE /api/admin/sample</c> removes them); empty when there are none.
/// </param>
public sealed record StatusResponse(
    bool Ready,
    long Documents,
    long Pending,
    string AnalyzerVersion,
    string IndexAnalyzerVersion,
    long Generation,
    DateTimeOffset? LastCommit,
    IReadOnlyList<string>? Sample = null);

/// <summary>The answer to <c>DELETE /api/admin/sample</c>.</summary>
/// <param name="Removed">Sample statements removed (0 when none were left).</param>
public sealed record SampleRemoved(int Removed);
