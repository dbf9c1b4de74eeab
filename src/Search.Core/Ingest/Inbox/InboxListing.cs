namespace Search.Core.Ingest.Inbox;

/// <summary>What one look at the inbox found: the files to take, and the entries skipped for what they are.</summary>
internal sealed record InboxListing(IReadOnlyList<string> Files, IReadOnlyList<(string Path, FileKind Kind)> Skipped);
