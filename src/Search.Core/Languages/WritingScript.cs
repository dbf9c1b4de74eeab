namespace Search.Core.Languages;

internal enum WritingScript
{
    None,
    Arabic,
    Cyrillic,
    Latin,
    Other,
}

/// <summary>Which script a letter belongs to, and the letters that tell Persian from Arabic writing.</summary>
internal static class WritingScripts
{
    /// <summary>
    /// The script of a letter; <see cref="WritingScript.None"/> for digits, marks, punctuation and
    /// spaces. The letters of the Latin, Cyrillic and Arabic blocks are known by their ranges,
    /// without a Unicode table lookup; <c>char.IsLetter</c> decides for the rest.
    /// </summary>
    public static WritingScript Of(char c) => c switch
    {
        < '\u0080' => char.IsAsciiLetter(c) ? WritingScript.Latin : WritingScript.None,
        >= '\u00C0' and <= '\u024F' and not '\u00D7' and not '\u00F7' or >= '\u1E00' and <= '\u1EFF' => WritingScript.Latin,
        >= '\u0400' and <= '\u0481' or >= '\u048A' and <= '\u052F' => WritingScript.Cyrillic,
        >= '\u0621' and <= '\u064A' or >= '\u066E' and <= '\u06D3' or '\u06D5' or '\u06EE' or '\u06EF' or >= '\u06FA' and <= '\u06FF' => WritingScript.Arabic,
        >= '\u0600' and <= '\u06FF' => WritingScript.None,
        >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC' =>
            char.IsLetter(c) ? WritingScript.Arabic : WritingScript.None,
        _ => char.IsLetter(c) ? WritingScript.Other : WritingScript.None,
    };

    /// <summary>Combining marks, which belong to the word they are written on: Arabic harakat, combining accents.</summary>
    public static bool IsMark(char c) =>
        c is >= '\u0300' and <= '\u036F' or >= '\u0610' and <= '\u061A' or >= '\u064B' and <= '\u065F' or '\u0670'
            or >= '\u06D6' and <= '\u06ED' or '\u200C' or '\u200D';

    /// <summary>
    /// Letters Persian writes and Arabic does not: Persian yeh and keheh (where Arabic writes ي and ك)
    /// and پ چ ژ گ. The news corpus has 162 of 69,541 articles with any of them and none with more of
    /// them than of <see cref="IsArabicForm"/> letters.
    /// </summary>
    public static bool IsPersianForm(char c) => c is '\u06CC' or '\u06A9' or 'پ' or 'چ' or 'ژ' or 'گ';

    /// <summary>Letters Arabic writes and Persian does not: Arabic yeh, kaf, alef maqsura and taa marbuta.</summary>
    public static bool IsArabicForm(char c) => c is '\u064A' or '\u0643' or '\u0649' or '\u0629';
}
