using System.Buffers;

namespace Search.Core.Languages;

/// <summary>
/// Tells the language of a document that does not state it, from its script and function words
/// (<see cref="LanguageEvidence"/>): <c>ar</c>, <c>en</c>, <c>ru</c> and <c>fr</c>, which have analyses
/// of their own; <c>fa</c> (Arabic script: analysed as Arabic), <c>de</c>, <c>es</c> and <c>it</c> (Latin
/// script, told apart so that they are not stemmed as English or French); <c>und</c> for text in any
/// other script. Cyrillic text is taken for Russian. Web addresses and e-mail addresses are not read:
/// their Latin letters say nothing of the text around them. Measured on hand-written samples and on
/// the news corpus in docs/languages.md.
/// </summary>
internal static class LanguageDetector
{
    /// <summary>
    /// Characters of the body read after the title: a statement's language shows in its title and
    /// first paragraphs (the long samples are 450–600 characters), and a long body then costs no
    /// more than a short one. The news corpus gives the same answers with 1,000 or 20,000.
    /// </summary>
    public const int MaxChars = 2_000;

    /// <summary>Spaces between the chunks of a text, found in vectors rather than one character at a time.</summary>
    private static readonly SearchValues<char> Spaces = SearchValues.Create(" \t\n\r\f\v\u00A0\u2028\u2029\u200B\u202F\u3000");

    public static string Detect(string? title, string? body)
    {
        var evidence = new LanguageEvidence();
        var letters = new LetterCounts();
        AddChunks(title, evidence, ref letters);
        AddChunks(body.AsSpan(0, Math.Min(body?.Length ?? 0, MaxChars)), evidence, ref letters);
        return evidence.Decide(letters);
    }

    private static void AddChunks(ReadOnlySpan<char> text, LanguageEvidence evidence, ref LetterCounts letters)
    {
        // Most texts hold no address: one look at the whole spares one at each chunk.
        var addresses = IsAddress(text);
        while (!text.IsEmpty)
        {
            var end = text.IndexOfAny(Spaces);
            var chunk = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            if (!chunk.IsEmpty && !(addresses && IsAddress(chunk)))
                AddWords(chunk, evidence, ref letters);
        }
    }

    /// <summary>
    /// Letters and words of a chunk without spaces, in one pass: a word is letters, the marks written
    /// on them, and an apostrophe between letters (<c>l'accord</c>, <c>don't</c>).
    /// </summary>
    private static void AddWords(ReadOnlySpan<char> chunk, LanguageEvidence evidence, ref LetterCounts letters)
    {
        var start = -1;
        var script = WritingScript.None;
        for (var i = 0; i < chunk.Length; i++)
        {
            var c = chunk[i];
            var letter = WritingScripts.Of(c);
            if (letter != WritingScript.None)
            {
                letters.Add(letter, c);
                if (start < 0)
                    (start, script) = (i, letter);
            }
            else if (start >= 0 && !WritingScripts.IsMark(c)
                && !(c is '\'' or '\u2019' && i + 1 < chunk.Length && WritingScripts.Of(chunk[i + 1]) != WritingScript.None))
            {
                evidence.AddWord(chunk[start..i], script);
                start = -1;
            }
        }
        if (start >= 0)
            evidence.AddWord(chunk[start..], script);
    }

    /// <summary>True when the text holds a web or e-mail address (a chunk: is one).</summary>
    private static bool IsAddress(ReadOnlySpan<char> text) =>
        text.Contains('@') || text.Contains("://", StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase);
}
