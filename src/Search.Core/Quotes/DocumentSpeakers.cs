using Search.Core.Text;

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
            || Complete(phrase.Name) is not null || CompleteFirstName(phrase.Name) is not null;
    }

    /// <summary>The speaker named before whose name begins a phrase's name (<c>نتانياهو</c> in <c>وانتقد نتانياهو بشدة …</c>), if any.</summary>
    public SpeakerEntity? Known(SpeakerPhrase phrase)
    {
        var words = Fold(phrase.Name);
        for (var length = words.Count; length > 0; length--)
        {
            var prefix = words.GetRange(0, length);
            if (Latest(prefix, static (e, prefix) => e.Kind != SpeakerKind.Role && SameName(e.Words, prefix)) is { } entity)
                return entity;
        }
        return null;
    }

    /// <summary>A speaker found otherwise than by <see cref="Resolve"/> (a sentence's subject) becomes the latest of its voice; null changes nothing.</summary>
    public SpeakerEntity? Speaks(SpeakerEntity? speaker, Voice voice)
    {
        if (speaker is not null)
            _latest[(int)voice] = speaker;
        return speaker;
    }

    /// <summary>The subject of a verb of saying that names none: the latest speaker of the same voice.</summary>
    public SpeakerEntity? Latest(Voice voice) => _latest[(int)voice];

    private SpeakerEntity? Person(SpeakerPhrase phrase)
    {
        var words = Fold(phrase.Name);
        var name = Text(phrase.Name);
        var entity = Latest(words, static (e, words) => e.Kind == SpeakerKind.Person && SameName(e.Words, words)) ?? ByFirstName(words);
        var weak = phrase.Weak;
        TokenRange? completedRole = null;
        if (entity is null && Complete(phrase.Name) is { } full)
        {
            (name, words, weak, completedRole) = (Text(full.Name), Fold(full.Name), false, full.Role);
            entity = Latest(words, static (e, words) => e.Kind == SpeakerKind.Person && SameName(e.Words, words));
        }
        else if (entity is null && CompleteFirstName(phrase.Name) is { } introduced)
        {
            (name, words, weak) = (Text(introduced.Name), FoldName(introduced.Name, introduced.Prefixed), false);
            if (introduced.Prefixed)
                name = name[1..];
            entity = Latest(words, static (e, words) => e.Kind == SpeakerKind.Person && SameName(e.Words, words));
        }
        if (entity is null)
        {
            if (weak)
                return null;
            entity = Add(new SpeakerEntity(SpeakerKind.Person, name, words));
        }
        entity.Lengthen(name, words);
        if (!phrase.Role.IsEmpty)
            entity.GiveRole(RoleText(phrase), RoleWords(phrase));
        if (completedRole is { } completed)
            entity.GiveRole(Text(completed), Fold(completed));
        return entity;
    }

    /// <summary>A lone word that is the first name of exactly one person of the document (<c>ايموجين</c> for <c>ايموجين تيرهارن</c>).</summary>
    private SpeakerEntity? ByFirstName(List<string> words)
    {
        if (words.Count != 1)
            return null;
        SpeakerEntity? bearer = null;
        foreach (var e in _entities)
            if (e.Kind == SpeakerKind.Person && e.Words.Count > 1 && e.Words[0] == words[0])
            {
                if (bearer is not null)
                    return null;
                bearer = e;
            }
        return bearer;
    }

    private SpeakerEntity Organisation(SpeakerPhrase phrase)
    {
        var words = Fold(phrase.Name);
        var name = Text(phrase.Name);
        if (phrase.Prefixed)
            (name, words[0]) = (WithoutPreposition(name), WithoutPreposition(words[0]));
        var entity = Latest(words, static (e, words) => e.Kind == SpeakerKind.Organisation && (StartsWith(e.Words, words) || StartsWith(words, e.Words)))
            ?? Add(new SpeakerEntity(SpeakerKind.Organisation, name, words));
        entity.Lengthen(name, words);
        return entity;
    }

    /// <summary>A phrase's title as written, without a preposition on its first word (<c>للشاعر أحمد شوقي</c> → <c>الشاعر</c>).</summary>
    private string RoleText(SpeakerPhrase phrase) => phrase.Prefixed ? WithoutPreposition(Text(phrase.Role)) : Text(phrase.Role);

    private List<string> RoleWords(SpeakerPhrase phrase)
    {
        var words = Fold(phrase.Role);
        if (phrase.Prefixed)
            words[0] = WithoutPreposition(words[0]);
        return words;
    }

    /// <summary>A name without the preposition written on its first word: <c>لحزب</c> → <c>حزب</c>, <c>للجيش</c> → <c>الجيش</c>.</summary>
    private static string WithoutPreposition(string name) =>
        name.StartsWith("لل", StringComparison.Ordinal) ? "ا" + name[1..]
        : name.Length > 1 && name[0] is 'ل' or 'ب' ? name[1..]
        : name;

    /// <summary>A title without a name: the speaker who bore it in this document, else the office itself.</summary>
    private SpeakerEntity Office(SpeakerPhrase phrase)
    {
        var words = RoleWords(phrase);
        var entity = Latest(words, static (e, words) => e.RoleWords is { } role && (StartsWith(role, words) || StartsWith(words, role)))
            ?? Latest(words, static (e, words) => e.Kind == SpeakerKind.Role && StartsWith(e.Words, words))
            ?? SameHead(words)
            ?? Latest(words, static (e, words) => e.RoleWords is { } role && SharedStart(role, words) >= MinSharedTitleWords && !NisbasDiffer(role, words));
        if (entity is null)
        {
            entity = Add(new SpeakerEntity(SpeakerKind.Role, RoleText(phrase), words));
            entity.GiveRole(RoleText(phrase), words);
        }
        return entity;
    }

    /// <summary>Two titles that start alike (<c>المدير العام للعلاقات العامة والإعلام …</c>, <c>المدير العام للعلاقات والإعلام …</c>) by this many words are one.</summary>
    private const int MinSharedTitleWords = 3;

    private static int SharedStart(List<string> a, List<string> b)
    {
        var n = 0;
        while (n < a.Count && n < b.Count && a[n] == b[n])
            n++;
        return n;
    }

    /// <summary>Titles that name different countries (<c>وزير الخارجية الأمريكي</c>, <c>وزير الخارجية الروسي</c>).</summary>
    private static bool NisbasDiffer(List<string> a, List<string> b) =>
        a.Where(w => SpeakerParser.IsNisba(w) && w.StartsWith("ال", StringComparison.Ordinal))
            .Any(w => !b.Contains(w) && b.Any(x => SpeakerParser.IsNisba(x) && x.StartsWith("ال", StringComparison.Ordinal)));

    /// <summary>
    /// A title that is a head and adjectives of belonging (<c>المدرب الألماني</c>, <c>الرئيس الأمريكي</c>): the
    /// latest person whose title has that head and no other such adjective (<c>مدرب ليفربول</c>).
    /// </summary>
    private SpeakerEntity? SameHead(List<string> words)
    {
        if (words.Skip(1).Any(w => !SpeakerParser.IsNisba(w)))
            return null;
        var head = WithoutArticle(words[0]);
        return Latest((head, words), static (e, s) => e.Kind == SpeakerKind.Person && e.RoleWords is [var other, .. var rest] && WithoutArticle(other) == s.head
                           && rest.Where(w => SpeakerParser.IsNisba(w) && w.StartsWith("ال", StringComparison.Ordinal)).All(s.words.Contains));
    }

    /// <summary>A bare noun (a bare <c>البيان</c>: the latest organisation): the latest speaker whose title or organisation has it as head (<c>الوزير</c> → <c>وزير الخارجية …</c>).</summary>
    private SpeakerEntity? Anaphor(SpeakerPhrase phrase)
    {
        if (d.Has(phrase.Name.Start, WordClass.Statement))
            return Latest(SpeakerKind.Organisation, static (e, kind) => e.Kind == kind);  // وأضاف البيان: the statement of the latest organisation
        var word = ArabicLetters.Fold(d.Word(phrase.Name.Start));
        var head = WithoutArticle(phrase.Prefixed ? WithoutPreposition(word) : word);
        return Latest(head, static (e, head) => (e.RoleWords is [var roleHead, ..] && WithoutArticle(roleHead) == head)
                           || (e.Kind == SpeakerKind.Organisation && WithoutArticle(e.Words[0]) == head))
            ?? (d.Has(phrase.Name.Start, WordClass.OrganisationHead) ? Mentioned(head, phrase.Name.Start) : null);
    }

    /// <summary>
    /// An organisation the body names with the head of a bare noun, though not as a speaker (<c>حسب تأكيدات
    /// هيئة المسح الجيولوجي البريطانية</c> for a later <c>وقالت الهيئة</c>): the nearest before the noun, else after it.
    /// </summary>
    private SpeakerEntity? Mentioned(string head, int noun)
    {
        var shape = QuoteLexicon.ShapeOf(head);                      // compared first: classifying every token of the body would double the cost
        for (var distance = 1; distance < d.Count; distance++)
            foreach (var i in (ReadOnlySpan<int>)[noun - distance, noun + distance])
                if (i >= 0 && i < d.Count && d.Tokens[i].Shape == shape && d.Has(i, WordClass.OrganisationHead) && !d.Has(i, WordClass.Prefixed) && !d.IsDefinite(i)
                    && ArabicLetters.Fold(d.Word(i)) == head
                    && SpeakerParser.Parse(d, i, d.SentenceEnd(i)) is { Kind: SpeakerKind.Organisation, Name.Length: > 1 } named)
                    return Organisation(named);
        return null;
    }

    /// <summary>
    /// A lone or article-only name completed from the body: the same word after a word that can begin a
    /// name, itself after a title, a comma or a sentence's start (<c>الرئيس الروسي فلاديمير بوتين</c>).
    /// </summary>
    /// <summary>How many words a completion may put before the words of a mention (<c>عبد الله</c> + <c>الصبيحي</c>).</summary>
    private const int MaxCompletionWords = 3;

    /// <summary>Only short mentions are completed (<c>بوتين</c>, <c>آل صالح</c>); a longer one is the name as the text gives it.</summary>
    private const int MaxCompletedMentionWords = 2;

    /// <summary>
    /// The same words elsewhere in the body after the rest of a name, itself after what begins a name
    /// (<see cref="BeginsName"/>): <c>الرئيس الروسي فلاديمير بوتين</c> completes <c>بوتين</c>, <c>العميد عبد الله
    /// الصبيحي</c> completes <c>الصبيحي</c>; with the title written before it, if any.
    /// </summary>
    private (TokenRange Name, TokenRange? Role)? Complete(TokenRange mention)
    {
        if (mention.Length > MaxCompletedMentionWords)
            return null;
        for (var i = NextSameShape(0, mention); i + mention.Length <= d.Count; i = NextSameShape(i + 1, mention))
        {
            if (i == mention.Start || !SameWords(i, mention) || (d.IsWord(i - 1) && Patronymic.Contains(ArabicLetters.Fold(d.Word(i - 1)))))
                continue;                                            // محمد بن سلمان does not complete سلمان: that is the father
            for (var first = i - 1; first >= 0 && i - first <= MaxCompletionWords && SpeakerParser.IsNameStart(d, first); first--)
            {
                if (d.IsDefinite(first) && ((!d.Has(first - 1, WordClass.NameParticle) && first < i - 1) || SpeakerParser.IsNisba(d.Word(first))))
                    break;                                           // not an adjective of the title before: الرئيس المصري عبد الفتاح السيسي
                if (BeginsName(first - 1, d.IsDefinite(first)))
                    return (new TokenRange(first, i + mention.Length), TitleBefore(first));
            }
        }
        return null;
    }

    /// <summary>Where the mention's words may be written again from <paramref name="from"/> on: the next token of its first word's shape (<see cref="SameWords"/>'s first test).</summary>
    private int NextSameShape(int from, TokenRange mention) => mention.IsEmpty ? from : d.NextOfShape(from, d.Tokens[mention.Start].Shape);

    /// <summary>How many words a first name may be completed with (<c>خالد</c> → <c>خالد طواشي</c>).</summary>
    private const int MaxSurnameWords = 2;

    /// <summary>
    /// A lone first name completed from where the body introduces the person, often behind a preposition
    /// (<c>التقينا بخالد طواشي، أحد …</c> then <c>يقول خالد: …</c>): the same word, bare after what begins a
    /// name or behind <c>ب</c> or <c>ل</c>, followed by one or two name words that end at a word of the grammar
    /// or at punctuation. Every such place must give the same name, else none.
    /// </summary>
    private (TokenRange Name, bool Prefixed)? CompleteFirstName(TokenRange mention)
    {
        if (mention.Length != 1 || d.IsDefinite(mention.Start))
            return null;
        var first = d.Word(mention.Start);
        (TokenRange Name, bool Prefixed)? found = null;
        List<string>? foundWords = null;
        var shape = QuoteLexicon.ShapeOf(string.Concat("ب", first));   // the only shape the word tested below can have
        for (var i = d.NextOfShape(0, shape); i < d.Count; i = d.NextOfShape(i + 1, shape))
        {
            if (i == mention.Start || !d.IsWord(i))
                continue;
            var word = d.Word(i);
            var prefixed = word.Length == first.Length + 1 && word[0] == 'ب' && word[1..].SequenceEqual(first);
            if (!prefixed)
                continue;
            var end = i + 1;
            while (end < d.Count && end - i <= MaxSurnameWords && SpeakerParser.IsNameStart(d, end) && d.Word(end)[0] != 'و'
                   && !(d.IsDefinite(end) && SpeakerParser.IsNisba(d.Word(end))))
                end++;
            if (end == i + 1 || end - i > MaxSurnameWords || !Introduces(end))
                continue;                                            // no surname, or one the sentence does not close as a name
            var words = FoldName(new TokenRange(i, end), prefixed);
            if (foundWords is not null && !foundWords.SequenceEqual(words))
                return null;
            (found, foundWords) = ((new TokenRange(i, end), prefixed), words);
        }
        return found;
    }

    /// <summary>What closes a person's introduction: a comma or the sentence's end, or the title or description in apposition (<c>… أحد المزارعين</c>, <c>… مدير المدرسة</c>).</summary>
    private bool Introduces(int i) =>
        d.Is(i, TokenKind.Comma) || i >= d.Count || d.Tokens[i].EndsSentence
        || (d.Has(i, WordClass.RoleHead | WordClass.Anonymous | WordClass.Honorific) && !d.Has(i, WordClass.Prefixed | WordClass.Conjoined));

    /// <summary>The folded words of a name, without the preposition written on its first word when it has one.</summary>
    private List<string> FoldName(TokenRange range, bool prefixed)
    {
        var words = Fold(range);
        if (prefixed)
            words[0] = words[0][1..];
        return words;
    }

    private bool SameWords(int at, TokenRange mention)
    {
        for (var k = 0; k < mention.Length; k++)
        {
            if (at + k >= d.Count)
                return false;
            var (token, word) = (d.Tokens[at + k], d.Tokens[mention.Start + k]);
            if (token.Shape != word.Shape || token.End - token.Start != word.End - word.Start || !d.IsWord(at + k)
                || !d.Word(at + k).SequenceEqual(d.Word(mention.Start + k)))
                return false;
        }
        return true;
    }

    /// <summary>
    /// What may stand before a first name: a title, courtesy title, title noun, verb of saying or
    /// circumstance (<c>عبر فرانك فالتر شتاينماير</c>), an adjective of belonging (<c>الرئيس الروسي فلاديمير
    /// بوتين</c>), a title's comma (<c>الألماني، ليون هيرث</c>), a title two words back (<c>وزير خارجيتها جون
    /// كيرى</c>). Before a first name with the article itself (<c>رئيس الحكومة الحبيب الصيد</c>), only a title's word.
    /// </summary>
    private bool BeginsName(int i, bool definiteFirstName)
    {
        if (i < 0)
            return false;
        if (d.Is(i, TokenKind.Comma))
            return d.Has(i - 1, WordClass.RoleHead | WordClass.Noun) || (d.IsDefinite(i - 1) && SpeakerParser.IsNisba(d.Word(i - 1)));
        if (definiteFirstName)
            return d.Has(i, WordClass.RoleHead | WordClass.Honorific | WordClass.Noun);
        return d.Has(i, WordClass.RoleHead | WordClass.Honorific | WordClass.SayVerb | WordClass.Noun | WordClass.Circumstance)
            || (d.IsDefinite(i) && SpeakerParser.IsNisba(d.Word(i)))
            || (d.Has(i - 1, WordClass.RoleHead) && !d.Has(i - 1, WordClass.Prefixed));
    }

    /// <summary>The title just before a name (a comma between allowed), when a title starts there and runs up to the name.</summary>
    private TokenRange? TitleBefore(int name)
    {
        var end = d.Is(name - 1, TokenKind.Comma) ? name - 1 : name;
        for (var start = end - 1; start >= 0 && end - start <= MaxTitleWords && d.IsWord(start) && !d.Has(start, WordClass.SayVerb); start--)
            if (d.Has(start, WordClass.RoleHead) && !d.Has(start, WordClass.Prefixed) && SpeakerParser.TitleEnd(d, start, end) == end)
                return new TokenRange(start, end);
        return null;
    }

    private const int MaxTitleWords = 10;

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

    /// <summary>The latest speaker that matches, made the latest; the match is given its state rather than a closure, allocated at every call.</summary>
    private SpeakerEntity? Latest<TState>(TState state, Func<SpeakerEntity, TState, bool> match)
    {
        for (var i = _entities.Count - 1; i >= 0; i--)
            if (match(_entities[i], state))
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

    /// <summary>The folded words of a range, without a parenthesis (<c>منظمة الأغذية والزراعة (الفاو)</c>): an alias, not the name.</summary>
    private List<string> Fold(TokenRange range)
    {
        var words = new List<string>(range.Length);
        var parenthesis = false;
        for (var i = range.Start; i < range.End; i++)
        {
            if (d.Is(i, TokenKind.Other))
                parenthesis = d.Text[d.Tokens[i].Start] == '(' || (parenthesis && d.Text[d.Tokens[i].Start] != ')');
            else if (d.IsWord(i) && !parenthesis)
                words.Add(ArabicLetters.Fold(d.Word(i)));
        }
        return words;
    }

    /// <summary>A name or title as written, hashtags read as words (<c>#بيل_غيتس</c> → <c>بيل غيتس</c>), a closing parenthesis left out (<c>… والزراعة (الفاو)</c>).</summary>
    private string Text(TokenRange range)
    {
        var end = range.End;
        if (d.Is(end - 1, TokenKind.Other) && d.Text[d.Tokens[end - 1].Start] == ')')
            while (end > range.Start + 1 && !(d.Is(end - 1, TokenKind.Other) && d.Text[d.Tokens[end - 1].Start] == '('))
                end--;
        if (d.Is(end - 1, TokenKind.Other))
            end--;
        return WordsOf(d.Text.AsSpan(d.Tokens[range.Start].Start..d.Tokens[Math.Max(range.Start, end - 1)].End));
    }

    /// <summary>
    /// The words of a text (<c>#</c> and <c>_</c> read as spaces) joined by one space: in one pass, as what
    /// replacing, splitting and joining strings gave cost a string or an array a step.
    /// </summary>
    private static string WordsOf(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c is not (' ' or '#' or '_'))
                buffer[length++] = c;
            else if (length > 0 && buffer[length - 1] != ' ')
                buffer[length++] = ' ';
        }
        if (length > 0 && buffer[length - 1] == ' ')
            length--;
        return new string(buffer[..length]);
    }
}
