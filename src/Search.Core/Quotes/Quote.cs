namespace Search.Core.Quotes;

/// <summary>
/// A quotation of a document: the quoted words (<see cref="Text"/> is <c>body[Start..End]</c>) and who
/// said them. <see cref="Speaker"/> is the fullest name the document gives, <see cref="SpeakerKey"/> its
/// canonical key (<see cref="SpeakerKeys"/>), both null when the text does not name the speaker.
/// <see cref="Role"/> is the title given with the speaker (or with an unnamed one: <c>متحدث باسم الحكومة</c>).
/// </summary>
internal sealed record Quote(string? Speaker, string? SpeakerKey, string? Role, string Text, int Start, int End)
{
    /// <summary>Whether the text names the speaker: <see cref="Speaker"/> and <see cref="SpeakerKey"/> are then set.</summary>
    public bool NamesSpeaker => SpeakerKey is { Length: > 0 };
}
