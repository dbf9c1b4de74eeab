namespace Search.Core.Quotes;

/// <summary>Whom a verb's form points to: <c>قال</c>, <c>قالت</c> or <c>قالوا</c>.</summary>
internal enum Voice
{
    Masculine,
    Feminine,
    Plural,
}

/// <summary>
/// The speakers of one document and the rules that make their mentions one speaker:
/// <list type="bullet">
/// <item>a name that ends another (<c>بيسكوف</c>, <c>دميتري بيسكوف</c>) is the same person, unless the
/// shorter is a father's name in a patronymic (<c>سلمان</c> is not <c>محمد بن سلمان</c>);</item>
/// <item>a name written only with articles (<c>الجبير</c>) or a lone word is completed from the body
/// (<c>عادل الجبير</c>); a name with articles that nothing completes is no name (<c>التلفزيون</c>);</item>
/// <item>a bare title (<c>الوزير</c>, <c>الوزارة</c>) is the latest speaker with that title or
/// organisation head, and a title without a name is the speaker who bore it, else an office speaking;</item>
/// <item>a verb without a subject (<c>وأضاف</c>, <c>وتابعت</c>) is the latest speaker of its gender and
/// number, which may be an anonymous source (then it stays unknown).</item>
/// </list>
/// </summary>
internal sealed class DocumentSpeakers(QuoteDocument d)
{
    private static readonly HashSet<string> Patronymic = new(["بن", "ابن", "بنت"], StringComparer.Ordinal);

    private readonly List<SpeakerEntity> _entities = [];
    private readonly SpeakerEntity?[] _latest = new SpeakerEntity?[3];

    /// <summary>The speaker a phrase names, or null when the text does not name one.</summary>
    public SpeakerEntity? Resolve(SpeakerPhrase phrase, Voice? voice)
    {
        var entity = phrase.Kind switch
        {
            SpeakerKind.Person => Person(phrase),
            SpeakerKind.Organisation => Organisation(phrase),
            SpeakerKind.Role => Office(phrase),
            SpeakerKind.Anaphor => Anaphor(phrase),
            _ => null,
        };
        if (voice is { } v)
            _latest[(int)v] = entity;
        return entity;
    }

    /// <summary>Whether a person's phrase names someone this document names elsewhere (or more fully).</summary>
    public bool Knows(SpeakerPhrase phrase)
    {
        var words = Fold(phrase.Name);
        return _entities.Any(e => e.Kind == SpeakerKind.Person && SameName(e.Words, words))
            || (words.Count == 1 && Complete(phrase.Name.Start) is not null);
    }

    /// <summary>The speaker named before whose name begins a phrase's name (<c>نتانياهو</c> in <c>وانتقد نتانياهو بشدة …</c>), if any.</summary>
    public SpeakerEntity? Known(SpeakerPhrase phrase)
    {
        var words = Fold(phrase.Name);
        for (var length = words.Count; length > 0; length--)
        {
            var prefix = words.GetRange(0, length);
            if (Latest(e => e.Kind != SpeakerKind.Role && SameName(e.Words, prefix)) is { } entity)
                return entity;
        }
        return null;
    }

    /// <summary>The subject of a verb of saying that names none: the latest speaker of the same voice.</summary>
    public SpeakerEntity? Latest(Voice voice) => _latest[(int)voice];

    private SpeakerEntity? Person(SpeakerPhrase phrase)
    {
        var words = Fold(phrase.Name);
        var name = Text(phrase.Name);
        var entity = Latest(e => e.Kind == SpeakerKind.Person && SameName(e.Words, words));
        var weak = phrase.Weak;
        if (entity is null && words.Count == 1 && Complete(phrase.Name.Start) is { } full)
        {
            (name, words, weak) = (full.Name, full.Words, false);
            entity = Latest(e => e.Kind == SpeakerKind.Person && SameName(e.Words, words));
        }
        if (entity is null)
        {
            if (weak)
                return null;
            entity = Add(new SpeakerEntity(SpeakerKind.Person, name, words));
        }
        entity.Lengthen(name, words);
        if (!phrase.Role.IsEmpty)
            entity.GiveRole(Text(phrase.Role), Fold(phrase.Role));
        return entity;
    }

    private SpeakerEntity Organisation(SpeakerPhrase phrase)
    {
        var words = Fold(phrase.Name);
        var entity = Latest(e => e.Kind == SpeakerKind.Organisation && (StartsWith(e.Words, words) || StartsWith(words, e.Words)))
            ?? Add(new SpeakerEntity(SpeakerKind.Organisation, Text(phrase.Name), words));
        entity.Lengthen(Text(phrase.Name), words);
        return entity;
    }

    /// <summary>A title without a name: the speaker who bore it in this document, else the office itself.</summary>
    private SpeakerEntity Office(SpeakerPhrase phrase)
    {
        var words = Fold(phrase.Role);
        var entity = Latest(e => e.RoleWords is { } role && (StartsWith(role, words) || StartsWith(words, role)))
            ?? Latest(e => e.Kind == SpeakerKind.Role && StartsWith(e.Words, words));
        if (entity is null)
        {
            entity = Add(new SpeakerEntity(SpeakerKind.Role, Text(phrase.Role), words));
            entity.GiveRole(Text(phrase.Role), words);
        }
        return entity;
    }

    /// <summary>A bare noun: the latest speaker whose title or organisation has it as head (<c>الوزير</c> → <c>وزير الخارجية …</c>).</summary>
    private SpeakerEntity? Anaphor(SpeakerPhrase phrase)
    {
        var head = WithoutArticle(d.Lexicon.Fold(d.Word(phrase.Name.Start)));
        return Latest(e => (e.RoleWords is [var roleHead, ..] && WithoutArticle(roleHead) == head)
                           || (e.Kind == SpeakerKind.Organisation && WithoutArticle(e.Words[0]) == head));
    }

    /// <summary>
    /// A lone or article-only name completed from the body: the same word after a word that can begin a
    /// name, itself after a title, a comma or a sentence's start (<c>الرئيس الروسي فلاديمير بوتين</c>).
    /// </summary>
    private (string Name, List<string> Words)? Complete(int word)
    {
        var last = d.Word(word);
        for (var i = 1; i < d.Count; i++)
        {
            if (i == word || !d.IsWord(i) || !d.Word(i).SequenceEqual(last))
                continue;
            var first = i - 1;
            if (!SpeakerParser.IsNameStart(d, first) || !BeginsName(first - 1, d.IsDefinite(first)))
                continue;
            var full = new TokenRange(first, i + 1);
            return (Text(full), Fold(full));
        }
        return null;
    }

    /// <summary>
    /// What may stand before a first name: a title or courtesy title, a verb of saying, or a word with the
    /// article (<c>الرئيس الروسي فلاديمير بوتين</c>); before a first name with the article itself
    /// (<c>رئيس الحكومة الحبيب الصيد</c>), only a title's word.
    /// </summary>
    private bool BeginsName(int i, bool definiteFirstName) =>
        d.Has(i, WordClass.RoleHead | WordClass.Honorific | WordClass.SayVerb | WordClass.Noun) || (!definiteFirstName && d.IsDefinite(i));

    /// <summary>
    /// Two names are one person's when one ends the other (<c>بيسكوف</c>, <c>دميتري بيسكوف</c>), except
    /// when the shorter follows <c>بن</c> in the longer: then it is the father's name.
    /// </summary>
    private static bool SameName(List<string> a, List<string> b)
    {
        var (longer, shorter) = a.Count >= b.Count ? (a, b) : (b, a);
        var offset = longer.Count - shorter.Count;
        for (var i = 0; i < shorter.Count; i++)
            if (longer[offset + i] != shorter[i])
                return false;
        return offset == 0 || !Patronymic.Contains(longer[offset - 1]);
    }

    private static bool StartsWith(List<string> words, List<string> prefix)
    {
        if (prefix.Count > words.Count)
            return false;
        for (var i = 0; i < prefix.Count; i++)
            if (words[i] != prefix[i])
                return false;
        return true;
    }

    private static string WithoutArticle(string word) => word.StartsWith("ال", StringComparison.Ordinal) ? word[2..] : word;

    private SpeakerEntity? Latest(Func<SpeakerEntity, bool> match)
    {
        for (var i = _entities.Count - 1; i >= 0; i--)
            if (match(_entities[i]))
            {
                var entity = _entities[i];
                _entities.RemoveAt(i);                                 // most recently named last
                _entities.Add(entity);
                return entity;
            }
        return null;
    }

    private SpeakerEntity Add(SpeakerEntity entity)
    {
        _entities.Add(entity);
        return entity;
    }

    private List<string> Fold(TokenRange range)
    {
        var words = new List<string>(range.Length);
        for (var i = range.Start; i < range.End; i++)
            if (d.IsWord(i))
                words.Add(d.Lexicon.Fold(d.Word(i)));
        return words;
    }

    private string Text(TokenRange range) => d.Text[d.Tokens[range.Start].Start..d.Tokens[range.End - 1].End];
}
