namespace Search.Client.Contracts;

/// <summary>What <c>GET /api/status</c> says about the service, for people and scripts.</summary>
/// <param name="Documents">Documents in the searchable index.</param>
/// <param name="Pending">Documents accepted but not yet searchable.</param>
/// <param name="AnalyzerVersion">Version of the analysis chain the code runs.</param>
/// <param name="IndexAnalyzerVersion">Version of the analysis chain the open index was built with.</param>
public sealed record StatusResponse(
    bool Ready,
    long Documents,
    long Pending,
    string AnalyzerVersion,
    string IndexAnalyzerVersion,
    long Generation,
    DateTimeOffset? LastCommit);
