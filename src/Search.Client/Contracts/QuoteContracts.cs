namespace Search.Client.Contracts;

/// <summary>A quotation of a document: the quoted words and who the text says said them.</summary>
/// <param name="Speaker">The fullest name the document gives; null when it does not name the speaker.</param>
/// <param name="Role">The title given with the speaker (<c>المتحدث باسم الكرملين</c>), or null.</param>
/// <param name="Start">Where the quoted words start in the body (a character offset, UTF-16).</param>
/// <param name="End">Where they end: <c>body[start..end]</c> is <paramref name="Text"/>.</param>
public sealed record QuoteInfo(string? Speaker, string? Role, string Text, int Start, int End);

/// <summary>The answer to <c>GET /api/speakers</c>: the speakers quoted in the filtered documents, the most quoted first.</summary>
/// <param name="Total">Distinct speakers quoted in them; the list holds at most the size asked for.</param>
public sealed record SpeakersResponse(long Total, IReadOnlyList<SpeakerInfo> Speakers);

/// <summary>A speaker and how often the filtered documents quote them.</summary>
/// <param name="Name">The fullest name the archive writes for them; pass it as <c>speaker=</c> to search their documents.</param>
public sealed record SpeakerInfo(string Name, long Quotations, long Documents);
