namespace Search.Core.Quotes;

/// <summary>
/// One speaker of a document, however often and however briefly it is named there: the fullest name
/// seen (<c>دميتري بيسكوف</c> for a later <c>بيسكوف</c>), its folded words for matching, and the first
/// title given.
/// </summary>
internal sealed class SpeakerEntity(SpeakerKind kind, string name, List<string> words)
{
    public SpeakerKind Kind { get; } = kind;

    /// <summary>The fullest name as the text writes it.</summary>
    public string Name { get; private set; } = name;

    /// <summary>The folded words of <see cref="Name"/>.</summary>
    public List<string> Words { get; private set; } = words;

    public string? Role { get; private set; }

    /// <summary>The folded words of <see cref="Role"/>.</summary>
    public List<string>? RoleWords { get; private set; }

    public string Key => SpeakerKeys.Of(Words);

    /// <summary>A longer form of the same name (<c>بيسكوف</c> → <c>دميتري بيسكوف</c>).</summary>
    public void Lengthen(string name, List<string> words)
    {
        if (words.Count > Words.Count)
            (Name, Words) = (name, words);
    }

    public void GiveRole(string role, List<string> words)
    {
        if (Role is null && words.Count > 0)
            (Role, RoleWords) = (role, words);
    }
}
