using Search.Core.Text;

namespace Search.Core.Analysis;

/// <summary>
/// Arabic function words, matched after normalisation (so <c>إلى</c>, <c>الى</c> and <c>إلَى</c> are one
/// stop word) and also behind a conjunction (<c>وفي</c>, <c>فهو</c>). Beyond Lucene's list it holds the
/// question words and the glued forms people type in questions (<c>كيف</c>, <c>لماذا</c>, <c>ماهو</c>):
/// they say what kind of answer is wanted, not what it is about, and otherwise match most documents.
/// </summary>
internal sealed class ArabicStopWords
{
    /// <summary>Prepositions, alone and with pronoun suffixes.</summary>
    public const string Prepositions = """
        في من إلى الى على عن مع حتى منذ مذ عند لدى لدي نحو ضد خلال بين دون حول عبر سوى غير تجاه لدن عدا
        بعد قبل فوق تحت ضمن إزاء حين جراء إثر
        ب ك ل س
        له لها لهم لهما لهن لنا لك لكم لي به بها بهم بهما بنا بك بي فيه فيها فيهم فيهما فينا
        منه منها منهم منهما منا مني عنه عنها عنهم عنهما عليه عليها عليهم عليهما علينا علي
        إليها إليهم إليهما إلينا معه معها معهم معهما معنا عنده عندها عندهم لديه لديها لديهم
        بينهم بينها بينهما بيننا
        """;

    /// <summary>Pronouns, demonstratives and relative pronouns.</summary>
    public const string Pronouns = """
        أنا نحن أنت أنتم أنتن أنتما هو هي هم هن هما إياه إياها إياهم
        هذا هذه هذان هاتان هذين هاتين هؤلاء ذلك ذاك تلك أولئك هنا هناك هنالك ثمة
        الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي اللائي
        """;

    /// <summary>Question words, including the glued forms typed in questions.</summary>
    public const string QuestionWords = """
        ما ماذا من متى أين كيف لماذا لم هل كم أي أية أيان أنى بماذا لمن ممن مما عما فيم علام إلام كيفما
        ماهو ماهي ماهى
        """;

    /// <summary>Particles, conjunctions, auxiliaries and quantifiers.</summary>
    public const string Particles = """
        و ف ثم أو أم بل لكن لكنه لكنها لا لن ليس ليست قد لقد سوف إن أن إنه إنها إنهم أنه أنها أنهم
        لأن لان لأنه لأنها بأن بأنه بأنها كأن إذ إذا إذن لو لولا كلا نعم بلى إما أما ألا إلا
        أيضا أيضاً جدا جداً كما كذلك لذلك لذا حيث بينما عندما كلما لما ربما إنما فقط كي لكي
        كان كانت كانوا يكون تكون يكن أصبح أصبحت تم يتم تمت يمكن
        كل بعض جميع كافة عدة الآن
        """;

    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <param name="lists">Whitespace-separated word lists, written as in ordinary text; folded (<see cref="ArabicLetters"/>) as the words they are looked up for.</param>
    private ArabicStopWords(params string[] lists)
    {
        _words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in lists)
            foreach (var word in list.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                _words.Add(ArabicLetters.Fold(word));
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The product's list: prepositions, pronouns, question words and particles, and the calendar marks written
    /// apart from their year (<see cref="ArabicNumbers.CalendarMarks"/>). Immutable and shared.
    /// </summary>
    public static ArabicStopWords Default { get; } = new(Prepositions, Pronouns, QuestionWords, Particles, ArabicNumbers.CalendarMarks);

    /// <summary>
    /// Whether a normalised word is a stop word, alone, behind the conjunction <c>و</c> or <c>ف</c>, or
    /// behind a preposition <c>ب</c>, <c>ل</c>, <c>ك</c> when at least two letters follow (<c>بهذا</c>, <c>وبذلك</c>).
    /// </summary>
    public bool Contains(ReadOnlySpan<char> normalized)
    {
        if (_lookup.Contains(normalized))
            return true;
        if (normalized.Length > 1 && normalized[0] is '\u0648' or '\u0641')
            normalized = normalized[1..];
        else if (normalized.Length < 3)
            return false;
        return _lookup.Contains(normalized)
            || (normalized.Length >= 3 && normalized[0] is '\u0628' or '\u0644' or '\u0643' && _lookup.Contains(normalized[1..]));
    }
}
