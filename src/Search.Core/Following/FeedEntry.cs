namespace Search.Core.Following;

/// <summary>A document as a feed shows it.</summary>
/// <param name="Date">Its publication date; null when undated (then <paramref name="Stored"/> stands in).</param>
/// <param name="Stored">When the archive stored it (this version of it).</param>
/// <param name="Snippet">Plain text: the best passage of the body for the query.</param>
public sealed record FeedEntry(string Id, string Title, DateOnly? Date, DateTimeOffset Stored, string Source, string? Url, string Snippet)
{
    /// <summary>When the entry counts as published: its date (at midnight UTC), else when it was stored.</summary>
    public DateTimeOffset Updated => Date is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : Stored;
}
