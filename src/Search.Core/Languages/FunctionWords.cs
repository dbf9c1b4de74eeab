using System.Collections.Frozen;
using Search.Core.Text.Dates;
using Search.Core.Text;

namespace Search.Core.Languages;

/// <summary>
/// The evidence of words for languages that share a script. Latin script: each language's commonest
/// function words (articles, prepositions, conjunctions, auxiliaries), elided articles (<c>l'</c>,
/// <c>qu'</c>, <c>dell'</c>) and accented letters. A word that is a function word of several languages
/// (<c>a</c>, <c>la</c>, <c>de</c>, <c>in</c>) counts for each of them; a language's own words decide.
/// Arabic script: Persian function words against Arabic ones, compared folded
/// (<see cref="ArabicLetters.Fold"/>) so that either keyboard's yeh and kaf match, and without the
/// words the two languages share or that fold together (<c>من</c>, <c>این</c>/<c>أين</c>, <c>به</c>).
/// </summary>
internal static class FunctionWords
{
    /// <summary>The Latin-script languages told apart, in the order ties are broken: those with an analysis of their own first, English first.</summary>
    public static readonly string[] Latin = [LanguageTags.English, LanguageTags.French, LanguageTags.Spanish, LanguageTags.German, LanguageTags.Italian];

    private const int En = 1 << 0, Fr = 1 << 1, Es = 1 << 2, De = 1 << 3, It = 1 << 4;

    private static readonly (int Language, string Words)[] LatinLists =
    [
        (En, "the of and to a in is that for it on with as was by at be this are from or an has have not which its his her he she " +
             "were been will would their they we our who after also said but all had than these those there about into between " +
             "should can must during against under upon i you it's don't"),
        (Fr, "le la les de des du un une et est à a au aux dans pour par sur avec qui que ce cette ces cet ne pas plus sont été " +
             "il elle ils nous vous leur leurs son sa ses se en mais ou où comme lors selon entre après avant sous depuis aussi très " +
             "on y être ont était"),
        (Es, "el la los las lo de del y e en que a al un una unos por para con se su sus es son fue como más pero entre sobre " +
             "este esta estos también ha han según no sin desde hasta ya muy"),
        (De, "der die das den dem des und ist nicht mit von zu für auf ein eine einer eines einem im in sich auch es sind wird " +
             "wurde werden hat haben bei nach aus dass über oder wie als am zum zur an so was war noch nur vom sie er wir"),
        (It, "il lo la i gli le di del della dello dei degli delle e è che in un una uno per con non sono si da dal dalla al alla " +
             "nel nella anche come ha hanno ma più questo questa sul sulla tra fra o"),
    ];

    /// <summary>What comes before the apostrophe of an elided word: <c>l'accord</c>, <c>qu'il</c>, <c>dell'Unione</c>.</summary>
    private static readonly (int Language, string Words)[] ElisionLists =
    [
        (Fr, "l d j n s c m t qu jusqu lorsqu puisqu"),
        (It, "l d c dell all nell dall sull un quest"),
    ];

    /// <summary>Accented letters, and the languages that write each.</summary>
    private static readonly (int Language, string Letters)[] AccentLists =
    [
        (Fr, "éèêëàâîïôûùçœÿ"),
        (Es, "áéíóúñü"),
        (De, "äöüß"),
        (It, "àèéìòù"),
    ];

    /// <summary>English words written with French accents, which say nothing of the text's language.</summary>
    private static readonly FrozenSet<string> EnglishLoans = FrozenSet.Create(StringComparer.Ordinal,
        "communiqué", "communiqués", "café", "résumé", "cliché", "protégé", "fiancé", "naïve", "décor", "rôle", "élite",
        "façade", "régime", "détente", "entrée", "début", "déjà", "première", "attaché");

    private static readonly FrozenDictionary<string, int> LatinWords = Masks(LatinLists);
    private static readonly FrozenDictionary<string, int> Elisions = Masks(ElisionLists);
    private static readonly FrozenDictionary<char, int> Accents =
        AccentLists.SelectMany(list => list.Letters.Select(letter => (letter, list.Language)))
            .GroupBy(pair => pair.letter)
            .ToFrozenDictionary(group => group.Key, group => group.Aggregate(0, (mask, pair) => mask | pair.Language));

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LoanLookup = EnglishLoans.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LatinLookup = LatinWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ElisionLookup = Elisions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> Arabic = FoldedSet(
        "في", "على", "إلى", "أن", "إن", "عن", "مع", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "كان", "كانت", "قد", "لا",
        "لم", "لن", "أو", "بين", "كما", "بعد", "قبل", "حيث", "وقال", "قال", "وفي", "ولا", "إنه", "أنه", "فيه", "عليه", "منذ", "خلال");

    private static readonly FrozenSet<string> Persian = FoldedSet(
        "است", "را", "که", "می", "از", "برای", "های", "در", "با", "شد", "شده", "بود", "خود", "تا", "نیز", "یک", "اند", "ها",
        "شود", "باید", "گفت", "وی", "همچنین", "کند", "کنند", "دارد", "اینکه");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ArabicLookup = Arabic.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersianLookup = Persian.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The longest word of the Arabic and Persian lists (<c>همچنین</c>); a longer word is none of theirs unless written with diacritics.</summary>
    private const int MaxArabicScriptWord = 6;

    /// <summary>The languages a lower-cased Latin word (apostrophes as <c>'</c>) is a function word of, as a mask over <see cref="Latin"/>.</summary>
    public static int LatinFunctionWord(ReadOnlySpan<char> word) => LatinLookup.TryGetValue(word, out var mask) ? mask : 0;

    /// <summary>The languages that elide the article or preposition written before an apostrophe.</summary>
    public static int Elision(ReadOnlySpan<char> beforeApostrophe) => ElisionLookup.TryGetValue(beforeApostrophe, out var mask) ? mask : 0;

    /// <summary>
    /// The languages whose alphabet holds every accented letter of a lower-cased word, 0 when it has
    /// none or letters no candidate writes (<c>å</c>, <c>ş</c>, <c>ã</c>), or it is an English loan.
    /// </summary>
    public static int Accented(ReadOnlySpan<char> word)
    {
        var mask = -1;
        foreach (var c in word)
            if (c > '\u007F' && char.IsLetter(c))
                mask &= Accents.GetValueOrDefault(c);
        return mask == -1 || LoanLookup.Contains(word) ? 0 : mask;
    }

    /// <summary>+1 for an Arabic function word, -1 for a Persian one, 0 otherwise.</summary>
    public static int ArabicOrPersian(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxArabicScriptWord)
            return 0;
        Span<char> folded = stackalloc char[word.Length];
        folded = folded[..ArabicLetters.Fold(word, folded)];
        return ArabicLookup.Contains(folded) ? 1 : PersianLookup.Contains(folded) ? -1 : 0;
    }

    private static FrozenDictionary<string, int> Masks((int Language, string Words)[] lists) =>
        lists.SelectMany(list => list.Words.Split(' ').Select(word => (word, list.Language)))
            .GroupBy(pair => pair.word, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.Aggregate(0, (mask, pair) => mask | pair.Language), StringComparer.Ordinal);

    private static FrozenSet<string> FoldedSet(params string[] words) =>
        words.Select(word => ArabicLetters.Fold(word)).ToFrozenSet(StringComparer.Ordinal);
}
