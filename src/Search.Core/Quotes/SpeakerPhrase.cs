namespace Search.Core.Quotes;

internal enum SpeakerKind
{
    /// <summary>A person's name, perhaps with a title: <c>وزير الخارجية مايك بومبيو</c>, <c>بيسكوف</c>.</summary>
    Person,

    /// <summary>An organisation or country speaking as one: <c>وزارة الخارجية الروسية</c>, <c>كوريا الجنوبية</c>.</summary>
    Organisation,

    /// <summary>A definite title without a name, which names one office: <c>وزير الخارجية الروسي</c>.</summary>
    Role,

    /// <summary>A speaker the text does not name: <c>مصدر</c>, <c>متحدث باسم الحكومة</c>, <c>مسؤولون أمريكيون</c>.</summary>
    Anonymous,

    /// <summary>A bare noun standing for one named before: <c>الوزير</c>, <c>الوزارة</c>, <c>البيان</c>.</summary>
    Anaphor,
}

/// <summary>A half-open range of tokens.</summary>
internal readonly record struct TokenRange(int Start, int End)
{
    public static TokenRange Empty => default;

    public bool IsEmpty => End <= Start;

    public int Length => Math.Max(0, End - Start);
}

/// <summary>
/// A speaker as a sentence names it: the name (a person's without courtesy titles, an organisation's
/// whole, an anaphor's noun), the title where one is given, and the token after the phrase.
/// </summary>
/// <param name="Weak">A name made only of words with the article (<c>الجبير</c>, <c>التلفزيون المصري</c>): a person only if the document names them more fully.</param>
/// <param name="Prefixed">The name's first word carries a preposition to leave out (<c>بيان لحزب المؤتمر</c> names <c>حزب المؤتمر</c>).</param>
internal sealed record SpeakerPhrase(SpeakerKind Kind, TokenRange Name, TokenRange Role, int End, bool Weak = false, bool Prefixed = false);
