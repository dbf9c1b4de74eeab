namespace Search.Core.Languages;

/// <summary>
/// What the words of a text say of its language, gathered word by word (<see cref="AddWord"/>) and
/// weighed once with its letters (<see cref="Decide"/>): letters by script first, then, within the
/// script, the function words, elided articles and accents of <see cref="FunctionWords"/>.
/// </summary>
internal sealed class LanguageEvidence
{
    /// <summary>
    /// The share of letters in Arabic script from which a text is Arabic (or Persian) whatever the
    /// rest, so that an Arabic statement quoting English names, acronyms or a whole sentence stays
    /// Arabic. Arabic writes no short vowels: the same statements take 0.67 times the letters of
    /// their English, 0.63 of their French (the parallel samples of docs/languages.md), so an Arabic
    /// text beside its translation is 40% of the letters. In the news corpus the three articles below
    /// it are English film lists and photo captions under an Arabic headline (0.06–0.15).
    /// </summary>
    public const double ArabicScriptMinShare = 0.2;

    /// <summary>What an accented letter weighs beside a function word: a hint, which decides short texts (titles) only.</summary>
    private const double AccentWeight = 0.5;

    private readonly double[] _latin = new double[FunctionWords.Latin.Length];

    /// <summary>
    /// Votes of words in capitals, counted only when most Latin words are (a title in capitals):
    /// among lower-case words a word in capitals is an acronym, and <c>UN</c> or <c>LA</c> is no
    /// French or Spanish article.
    /// </summary>
    private readonly double[] _capitals = new double[FunctionWords.Latin.Length];

    private int _latinWords, _capitalWords;
    private int _persianWords, _arabicWords;

    /// <summary>Takes a word, whose letters were added, for what it says within its script (that of its first letter).</summary>
    public void AddWord(ReadOnlySpan<char> word, WritingScript script)
    {
        if (script == WritingScript.Latin)
        {
            AddLatin(word);
        }
        else if (script == WritingScript.Arabic)
        {
            var vote = FunctionWords.ArabicOrPersian(word);
            _arabicWords += vote > 0 ? 1 : 0;
            _persianWords += vote < 0 ? 1 : 0;
        }
    }

    /// <summary>The language the evidence and the text's letters point to; Arabic when the text has no letters.</summary>
    public string Decide(LetterCounts letters)
    {
        var total = letters.Arabic + letters.Cyrillic + letters.Latin + letters.Other;
        if (total == 0)
            return LanguageTags.Arabic;
        if (letters.Arabic >= total * ArabicScriptMinShare)
            return IsPersian(letters) ? LanguageTags.Persian : LanguageTags.Arabic;
        if (letters.Other > letters.Latin && letters.Other > letters.Cyrillic)
            return LanguageTags.Undetermined;
        if (letters.Cyrillic > letters.Latin)
            return LanguageTags.Russian;
        var shouting = _capitalWords * 2 > _latinWords;
        double Score(int i) => _latin[i] + (shouting ? _capitals[i] : 0);
        var best = 0;
        for (var i = 1; i < _latin.Length; i++)
            if (Score(i) > Score(best))
                best = i;
        return FunctionWords.Latin[best];
    }

    /// <summary>
    /// Function words first, compared folded so that they count on either keyboard: an Arabic
    /// statement typed with Persian yeh and kaf (as some sites do) stays Arabic. Without them (a
    /// title), the letters: Persian yeh, keheh and پ چ ژ گ where Arabic writes ي ك ة ى.
    /// </summary>
    private bool IsPersian(LetterCounts letters)
    {
        if (Math.Max(_persianWords, _arabicWords) >= 2 && _persianWords != _arabicWords)
            return _persianWords > _arabicWords;
        return letters.PersianForms > letters.ArabicForms;
    }

    private void AddLatin(ReadOnlySpan<char> word)
    {
        if (word.Length > 64)
            return;
        var capitals = word.Length > 1;
        foreach (var c in word)
            capitals &= !char.IsLower(c);
        _latinWords++;
        _capitalWords += capitals ? 1 : 0;
        var votes = capitals ? _capitals : _latin;
        Span<char> lower = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
            lower[i] = word[i] == '\u2019' ? '\'' : char.ToLowerInvariant(word[i]);
        var apostrophe = lower.IndexOf('\'');
        if (apostrophe > 0 && FunctionWords.Elision(lower[..apostrophe]) is var elided and not 0)
        {
            Vote(votes, elided, 1);
            lower = lower[(apostrophe + 1)..];
        }
        if (FunctionWords.LatinFunctionWord(lower) is var function and not 0)
            Vote(votes, function, 1);
        else
            Vote(votes, FunctionWords.Accented(lower), AccentWeight);
    }

    private static void Vote(double[] votes, int languages, double weight)
    {
        for (var i = 0; i < votes.Length; i++)
            if ((languages & (1 << i)) != 0)
                votes[i] += weight;
    }
}
