namespace Search.Core;

/// <summary>A snapshot of the engine for administrators.</summary>
/// <param name="ArchiveDocuments">Documents in the archive of record.</param>
/// <param name="ArchiveSequence">The archive's latest change: what to wait for to see everything searchable.</param>
/// <param name="IndexedSequence">The archive sequence the current generation has applied: everything up to it is searchable.</param>
/// <param name="IndexDocuments">Documents searchable in the current generation.</param>
/// <param name="AnalyzerVersion">The analysis this engine runs.</param>
/// <param name="IndexAnalyzerVersion">The analysis the current generation was built with.</param>
/// <param name="Pending">Archive changes the current generation has not applied yet.</param>
public sealed record EngineStats(
    long ArchiveDocuments,
    long ArchiveSequence,
    long IndexedSequence,
    long IndexDocuments,
    long Generation,
    string AnalyzerVersion,
    string IndexAnalyzerVersion,
    long IndexSizeBytes,
    DateTimeOffset? LastCommit,
    long Pending)
{
    /// <summary>The current generation was analysed with another version than this code's: searches may miss until it is rebuilt.</summary>
    public bool AnalyzerMismatch => IndexAnalyzerVersion != AnalyzerVersion;
}
