namespace Search.Core.Archive;

/// <summary>What one write to the archive did.</summary>
/// <param name="LastSequence">The sequence number of the last document written.</param>
/// <param name="Replaced">
/// Positions, in the list written, of the documents that replaced one the archive held (the same
/// id twice in one write: the second replaces the first).
/// </param>
internal sealed record ArchiveWrite(long LastSequence, IReadOnlyList<int> Replaced);
