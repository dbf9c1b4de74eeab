namespace Search.Core.Stories;

/// <summary>
/// A document as story detection sees it: its id, publication day (<see cref="DateOnly.DayNumber"/>, null
/// when undated), fingerprint, and the story key it carries now (0 while it has none).
/// </summary>
internal sealed record StoryEntry(string Id, int? Day, StoryFingerprint Fingerprint, long Key = 0);
