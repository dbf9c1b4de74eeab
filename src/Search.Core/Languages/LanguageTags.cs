namespace Search.Core.Languages;

/// <summary>
/// The language codes documents carry (ISO 639-1, lower case: <c>ar</c>, <c>en</c>, <c>ru</c>, <c>fr</c>…)
/// and the ways pages and senders write them: BCP 47 tags and locales (<c>en-US</c>, <c>ru_RU</c>),
/// three-letter codes (<c>ara</c>, <c>fre</c>), and, for the links of a language switch, the names
/// of languages and the short labels sites print (<c>English</c>, <c>Русский</c>, <c>Ru</c>, <c>عربي</c>).
/// </summary>
internal static class LanguageTags
{
    public const string Arabic = "ar";
    public const string English = "en";
    public const string Russian = "ru";
    public const string French = "fr";
    public const string Persian = "fa";
    public const string German = "de";
    public const string Spanish = "es";
    public const string Italian = "it";

    /// <summary>BCP 47's "undetermined": text in a script none of the detected languages is written in.</summary>
    public const string Undetermined = "und";

    private static readonly Dictionary<string, string> ThreeLetterCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ara"] = Arabic, ["eng"] = English, ["rus"] = Russian, ["fra"] = French, ["fre"] = French,
        ["fas"] = Persian, ["per"] = Persian, ["deu"] = German, ["ger"] = German, ["spa"] = Spanish, ["ita"] = Italian,
    };

    /// <summary>Names of languages in their own language, in English and in Arabic, as language switches print them.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["العربية"] = Arabic, ["عربي"] = Arabic, ["عربى"] = Arabic, ["ع"] = Arabic, ["arabic"] = Arabic, ["арабский"] = Arabic, ["arabe"] = Arabic,
        ["english"] = English, ["eng"] = English, ["الإنجليزية"] = English, ["الانجليزية"] = English, ["الإنكليزية"] = English,
        ["انجليزي"] = English, ["английский"] = English, ["anglais"] = English,
        ["русский"] = Russian, ["рус"] = Russian, ["russian"] = Russian, ["الروسية"] = Russian, ["روسي"] = Russian, ["russe"] = Russian,
        ["français"] = French, ["francais"] = French, ["french"] = French, ["fra"] = French, ["الفرنسية"] = French,
        ["فرنسي"] = French, ["французский"] = French,
        ["فارسی"] = Persian, ["فارسي"] = Persian, ["persian"] = Persian, ["deutsch"] = German, ["german"] = German,
        ["español"] = Spanish, ["espanol"] = Spanish, ["spanish"] = Spanish, ["italiano"] = Italian, ["italian"] = Italian,
    };

    /// <summary>
    /// The primary language of a tag, lower case: <c>en-US</c>, <c>EN</c>, <c>ru_RU</c> and <c>eng</c> give
    /// <c>en</c>; a language name (<c>English</c>) gives its code. Null for what names no language
    /// (empty, <c>x-default</c>, <c>*</c>, other text).
    /// </summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return null;
        var trimmed = tag.Trim();
        if (Names.TryGetValue(trimmed, out var named))
            return named;
        var primary = trimmed.Split('-', '_')[0];
        if (primary.Length == 2 && primary.All(char.IsAsciiLetter))
            return primary.ToLowerInvariant();
        return primary.Length == 3 && ThreeLetterCodes.TryGetValue(primary, out var code) ? code : null;
    }

    /// <summary>
    /// The language a link's text names, as language switches label their links: a name
    /// (<c>English</c>, <c>Русский</c>, <c>Français</c>, <c>العربية</c>) or a two-letter code in any case
    /// (<c>Ru</c>, <c>EN</c>). Null for any other text.
    /// </summary>
    public static string? FromLabel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var label = text.Trim().TrimEnd('.');
        if (Names.TryGetValue(label, out var named))
            return named;
        return label.Length == 2 && label.All(char.IsAsciiLetter) && IsKnownCode(label.ToLowerInvariant()) ? label.ToLowerInvariant() : null;
    }

    /// <summary>Two-letter codes a switch label may be: those this product detects, and the other languages sites offer most.</summary>
    private static bool IsKnownCode(string code) => code is Arabic or English or Russian or French or Persian or German or Spanish or Italian
        or "tr" or "zh" or "ur" or "he" or "pt" or "ja" or "ko" or "uk" or "nl";

    /// <summary>The script a language is written in, for the languages sites commonly declare; null for the others.</summary>
    public static WritingScript? ScriptOf(string code) => code switch
    {
        Arabic or Persian or "ur" or "ps" or "ku" => WritingScript.Arabic,
        Russian or "uk" or "bg" or "sr" or "mk" or "be" or "kk" => WritingScript.Cyrillic,
        English or French or German or Spanish or Italian or "pt" or "nl" or "tr" or "pl" or "sv" or "da" or "no" or "fi"
            or "cs" or "ro" or "hu" or "id" or "ms" => WritingScript.Latin,
        Undetermined => WritingScript.Other,
        _ => null,
    };
}
