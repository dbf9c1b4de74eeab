namespace Search.Client.Contracts;

/// <summary>The answer to <c>GET /api/documents/{id}/related</c>: the other copies of its story first, then documents on the same subject.</summary>
public sealed record RelatedResponse(string Id, IReadOnlyList<RelatedHit> Hits);

/// <summary>A related document.</summary>
/// <param name="SameStory">A copy of the document's story.</param>
public sealed record RelatedHit(string Id, string Title, string? Date, string Source, float Score, bool SameStory, string? Lang = null);

/// <summary>The answer to <c>GET /api/stories/{id}</c>: who carried the story, in order of publication.</summary>
/// <param name="First">The earliest date it was carried, <c>yyyy-MM-dd</c>.</param>
public sealed record StoryResponse(string Id, int Copies, IReadOnlyList<string> Sources, string? First, IReadOnlyList<StoryCarrier> Carriers);

/// <summary>One carrier of a story.</summary>
/// <param name="First">The first carrier, the one the story is named after.</param>
/// <param name="DaysAfterFirst">How many days after the first carrier; null when undated.</param>
/// <param name="Shared">The passage it shares with the first carrier (for the first, with the second), as written in it.</param>
public sealed record StoryCarrier(string Id, string Title, string Source, string? Date, string? Url, string? Lang, bool First, int? DaysAfterFirst, string Shared);
