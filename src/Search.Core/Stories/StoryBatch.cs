namespace Search.Core.Stories;

/// <summary>A document added or replaced in a batch, as story detection needs it.</summary>
internal sealed record StoryDocument(string Id, int? Day, StoryFingerprint Fingerprint);

/// <summary>
/// What a batch does to stories: the key of each document added or replaced, to write with it, and the
/// documents already indexed whose key changes (their story was joined to another, split, or got an
/// earlier first carrier), to update in place.
/// </summary>
internal sealed record StoryAssignment(IReadOnlyDictionary<string, long> Keys, IReadOnlyDictionary<string, long> Updates);
