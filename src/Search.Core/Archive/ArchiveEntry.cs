namespace Search.Core.Archive;

/// <summary>
/// One change of the archive in the order it happened: a document stored (or replaced), or a
/// document deleted (<see cref="Document"/> is null).
/// </summary>
internal sealed record ArchiveEntry(long Sequence, string Id, DocumentRecord? Document);
