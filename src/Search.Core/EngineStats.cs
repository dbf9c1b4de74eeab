namespace Search.Core;

/// <summary>A snapshot of the engine for administrators.</summary>
/// <param name="ArchiveDocuments">Documents in the archive of record.</param>
/// <param name="IndexDocuments">Documents searchable in the current generation.</param>
/// <param name="Pending">Archive changes the current generation has not applied yet.</param>
public sealed record EngineStats(
    long ArchiveDocuments,
    long IndexDocuments,
    long Generation,
    string AnalyzerVersion,
    string IndexAnalyzerVersion,
    long IndexSizeBytes,
    DateTimeOffset? LastCommit,
    long Pending);
