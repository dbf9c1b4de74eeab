namespace Search.Core.Quotes;

/// <summary>
/// The canonical key of a speaker's name: folded as the search folds words (hamza, alef forms, final
/// <c>ى</c>/<c>ة</c>, diacritics, tatweel), with <c>عبد</c>, <c>أبو</c> and <c>أبي</c> joined to the
/// word after them (<c>عبد الله</c> = <c>عبدالله</c>), words separated by one space; a name written in a
/// text keeps only its letters and digits (<c>جون دي. روكفلر</c> = <c>جون دي روكفلر</c>), as the extraction reads words.
/// </summary>
internal static class SpeakerKeys
{
    private static readonly HashSet<string> Joined = new(["عبد", "ابو", "ابي", "بو"], StringComparer.Ordinal);

    public static string Of(IEnumerable<string> foldedWords)
    {
        // Written in a pooled buffer: a StringBuilder and its chunk were two objects more for every quotation's speaker.
        var key = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0);
        var length = 0;
        var join = false;
        foreach (var word in foldedWords)
        {
            if (length > 0 && !join)
            {
                key.AppendLiteral(" ");
                length++;
            }
            key.AppendFormatted(word);
            length += word.Length;
            join = Joined.Contains(word);
        }
        return key.ToStringAndClear();
    }

    /// <summary>The key of a name written in a text (a query's <c>speaker=</c>, a hand-checked name).</summary>
    public static string Of(string name) =>
        Of(name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => Text.ArabicLetters.Fold(new string(word.Where(char.IsLetterOrDigit).ToArray())))
            .Where(w => w.Length > 0));
}
