namespace Search.Core.Quotes;

/// <summary>
/// Reads the speaker's phrase that follows a verb of saying or a source word: courtesy titles, a
/// title (<c>وزير الخارجية الأمريكي</c>), a name (<c>مايك بومبيو</c>), a title in apposition after the
/// name or between commas, an organisation, or an anonymous source. A title runs on through nouns of
/// the lexicon, words with the article, prepositions that join it to an organisation (<c>لشركة</c>,
/// <c>باسم</c>, <c>في الاتحاد</c>) and proper nouns in a construct (<c>رئيس وزراء إسرائيل</c>); once a word
/// with the article has closed it, the next bare word starts the name.
/// </summary>
internal static class SpeakerParser
{
    private const int MaxNameWords = 5;
    private const int MaxTitleWords = 10;

    /// <summary>An organisation's name in marks is at most this long (<c>"تحالف دعم الشرعية في اليمن"</c>); longer marked text is words said.</summary>
    private const int MaxQuotedOrganisationWords = 5;

    /// <summary>A name this long whose last two words are a bare noun and one with the article ends in a title (<c>جواد تشودري سمسار العقارات</c>).</summary>
    private const int MinNameWithApposition = 4;

    private const WordClass EndsTitle =
        WordClass.SayVerb | WordClass.SayParticiple | WordClass.Complementizer | WordClass.Circumstance | WordClass.Pronoun
        | WordClass.Source | WordClass.Honorific | WordClass.LinkPreposition;

    private const WordClass TitleNouns = WordClass.Noun | WordClass.OrganisationHead | WordClass.RoleHead | WordClass.Anonymous;

    /// <summary>Organisations that name themselves with the article alone (<c>قالت الشرطة</c>); other bare nouns (<c>الوزارة</c>) stand for one named before.</summary>
    private static readonly HashSet<string> SelfNamed = new(
        "الكرملين الاليزيه البنتاغون البنتاجون الفاتيكان الجيش الشرطه الحكومه الرياسه الرئاسه الخارجيه الداخليه الدفاع"
            .Split(' '), StringComparer.Ordinal);

    /// <param name="allowPrefixed">Whether the phrase may start behind <c>ل</c> (<c>وفقا لمصادر</c>, <c>وفقا للدكتور هيرث</c>).</param>
    public static SpeakerPhrase? Parse(QuoteDocument d, int start, int limit, bool allowPrefixed = false)
    {
        var phrase = ParseAt(d, start, limit, allowPrefixed);
        var first = phrase?.Kind == SpeakerKind.Organisation ? phrase.Name : phrase?.Role ?? TokenRange.Empty;
        return phrase is { Prefixed: false } && !first.IsEmpty && first.Start == start && d.Has(start, WordClass.Prefixed)
            ? phrase with { Prefixed = true }                       // وفقا لموقع الفيفا، للشاعر أحمد شوقي: without the ل
            : phrase;
    }

    private static SpeakerPhrase? ParseAt(QuoteDocument d, int start, int limit, bool allowPrefixed)
    {
        if (start >= limit)
            return null;
        if (d.SpanOpenedAt(start) is { Closed: true } marked && marked.Close < limit)
        {
            if (marked.Words <= MaxQuotedOrganisationWords && d.Has(start + 1, WordClass.OrganisationHead) && !d.Has(start + 1, WordClass.Prefixed))
                return QuotedOrganisation(d, marked, limit);
            return marked.IsShort ? QuotedName(d, marked, limit) : null;
        }
        if (!d.IsWord(start) || (d.Has(start, WordClass.Prefixed) && !allowPrefixed))
            return null;
        if (IsDemonstrative(d, start))
            return Parse(d, start + 1, limit, allowPrefixed);       // تلك المصادر، هذا المسؤول
        var token = d.ClassOf(start);
        if ((token & WordClass.Statement) != 0)
            return Statement(d, start, limit);
        if ((token & WordClass.Anonymous) != 0 && (token & WordClass.RoleHead) == 0)
            return NamesFollow(d, start, limit) ? Titled(d, start, limit) : new SpeakerPhrase(SpeakerKind.Anonymous, TokenRange.Empty, TokenRange.Empty, Title(d, start, limit));
        if ((token & (WordClass.RoleHead | WordClass.Honorific)) != 0)
            return Titled(d, start, limit, allowPrefixed);
        if ((token & WordClass.OrganisationHead) != 0)
            return Organisation(d, start, limit);
        if (IsNameStart(d, start))
            return Named(d, start, limit, TokenRange.Empty);
        return null;
    }

    private static bool IsDemonstrative(QuoteDocument d, int i) =>
        d.Has(i, WordClass.Pronoun) && (d.IsWord(i, "تلك") || d.IsWord(i, "هذا") || d.IsWord(i, "هذه") || d.IsWord(i, "ذلك") || d.IsWord(i, "هولاء"));

    /// <summary>An anonymous noun with a name of two words or more just after it is a title: <c>المواطن سعيد متروك</c>.</summary>
    private static bool NamesFollow(QuoteDocument d, int start, int limit)
    {
        var next = Title(d, start, limit);
        return next < limit && IsNameStart(d, next) && NameEnd(d, next, limit) - next >= 2;
    }

    /// <summary>An organisation's name in marks: <c>أعلن "تحالف دعم الشرعية في اليمن"، الذي تقوده السعودية، …</c>.</summary>
    private static SpeakerPhrase QuotedOrganisation(QuoteDocument d, MarkedSpan marked, int limit)
    {
        var next = marked.Close + 1;
        if (d.Is(next, TokenKind.Comma) && next + 1 < limit && !d.Is(next + 1, TokenKind.QuoteMark))
            next++;
        return new SpeakerPhrase(SpeakerKind.Organisation, new TokenRange(marked.Open + 1, marked.Close), TokenRange.Empty, next);
    }

    /// <summary>
    /// A statement as subject: the organisation named with it speaks (<c>وقال بيان لحزب المؤتمر الوطني</c>,
    /// <c>ويقول تقرير الأمم المتحدة</c>); a
    /// bare <c>البيان</c> is the latest organisation's; otherwise no one named (<c>وقال بيان</c>).
    /// </summary>
    private static SpeakerPhrase Statement(QuoteDocument d, int start, int limit)
    {
        if (d.Has(start + 1, WordClass.Prefixed) && d.Has(start + 1, WordClass.OrganisationHead))
        {
            var end = Title(d, start + 1, limit, properNamesRun: true);
            var kind = end == start + 2 && HasArticleBehindPreposition(d.Word(start + 1)) ? SpeakerKind.Anaphor : SpeakerKind.Organisation;
            return new SpeakerPhrase(kind, new TokenRange(start + 1, end), TokenRange.Empty, end, Prefixed: true);   // تقرير للمنظمة: the organisation named before
        }
        if (!d.IsDefinite(start) && d.Has(start + 1, WordClass.OrganisationHead) && !d.Has(start + 1, WordClass.Prefixed))
            return Organisation(d, start + 1, limit);               // تقرير الأمم المتحدة، بيان الوزارة: the organisation's own
        var title = Title(d, start, limit);
        return title == start + 1 && d.IsDefinite(start)
            ? new SpeakerPhrase(SpeakerKind.Anaphor, new TokenRange(start, title), TokenRange.Empty, title)
            : new SpeakerPhrase(SpeakerKind.Anonymous, TokenRange.Empty, TokenRange.Empty, title);
    }

    /// <summary>A name in quotation marks, as Saudi papers print it: <c>وأوضح "الحميدي" في تعقيب…</c>.</summary>
    private static SpeakerPhrase? QuotedName(QuoteDocument d, MarkedSpan marked, int limit)
    {
        var next = marked.Close + 1;
        if (next >= limit || d.Tokens[next].EndsSentence || !IsNameStart(d, marked.Open + 1))
            return null;
        var end = NameEnd(d, marked.Open + 1, marked.Close);
        if (end != marked.Close)
            return null;
        var name = new TokenRange(marked.Open + 1, end);
        return new SpeakerPhrase(SpeakerKind.Person, name, TokenRange.Empty, next, AllDefinite(d, name));
    }

    /// <summary>Courtesy titles, a title, then the name if one follows (<c>وزير الخارجية، السفير سامح شكري،</c>).</summary>
    private static SpeakerPhrase? Titled(QuoteDocument d, int start, int limit, bool allowPrefixed = false)
    {
        var i = start;
        while (i < limit && d.Has(i, WordClass.Honorific))
            i++;
        if (!d.Has(i, WordClass.RoleHead | WordClass.Anonymous) || (d.Has(i, WordClass.Prefixed) && !(allowPrefixed && i == start)))
            return IsNameStart(d, i) ? Named(d, i, limit, TokenRange.Empty) : null;
        var titleEnd = Title(d, i, limit);
        while (d.Has(titleEnd, WordClass.RoleHead) && !d.Has(titleEnd, WordClass.Prefixed | WordClass.Kin | WordClass.Conjoined) && titleEnd < limit
               && !(d.IsDefinite(titleEnd) && IsNameStart(d, titleEnd + 1) && !d.IsDefinite(titleEnd + 1)))
            titleEnd = Title(d, titleEnd, limit);                    // a second title: ممثلة البرنامج المديرة القطرية في العراق جين بيرس، نائب رئيس الدولة رئيس مجلس الوزراء
        var role = new TokenRange(i, titleEnd);
        var next = SkipCourtesy(d, titleEnd, limit);
        if (d.Is(next, TokenKind.Comma) && d.Has(next + 1, WordClass.Pronoun))
            next = AfterAside(d, next + 1, limit);                   // وزير الداخلية، الذي ينتمي لحزب الحرية، هربرت كيكل
        if (d.Is(next, TokenKind.Comma) && IsNameStart(d, SkipCourtesy(d, next + 1, limit)))
            next = SkipCourtesy(d, next + 1, limit);                 // المتحدث باسم الوزارة، السفير هشام الدباغ
        return next < limit && IsNameStart(d, next) ? Named(d, next, limit, role) : RoleOnly(d, role, titleEnd);
    }

    /// <summary>Courtesy titles and a second title used as one before a name (<c>ولي العهد الأمير محمد</c>, <c>النائب جمال الرفاعي</c>).</summary>
    private static int SkipCourtesy(QuoteDocument d, int i, int limit)
    {
        while (i < limit && (d.Has(i, WordClass.Honorific) || (d.IsDefinite(i) && d.Has(i, WordClass.RoleHead) && IsNameStart(d, i + 1) && !d.IsDefinite(i + 1))))
            i++;
        return i;
    }

    /// <summary>The token after an aside between commas (<c>، الذي …،</c>): the one after its closing comma.</summary>
    private static int AfterAside(QuoteDocument d, int i, int limit)
    {
        var start = i;
        while (i < limit && i - start < MaxTitleWords * 2 && d.IsWord(i))
            i++;
        return d.Is(i, TokenKind.Comma) ? i + 1 : start - 1;
    }

    private static SpeakerPhrase RoleOnly(QuoteDocument d, TokenRange role, int end)
    {
        if (role.Length == 1)
            return new SpeakerPhrase(d.IsDefinite(role.Start) ? SpeakerKind.Anaphor : SpeakerKind.Anonymous, role, role, end);
        return new SpeakerPhrase(IsDefiniteTitle(d, role) ? SpeakerKind.Role : SpeakerKind.Anonymous, TokenRange.Empty, role, end);
    }

    /// <summary>
    /// A title names one office when its head has the article (<c>المتحدث باسم الوزارة</c>) or is
    /// joined straight to a noun with it (<c>وزير الخارجية</c>); <c>متحدث باسم الوزارة</c> and
    /// <c>مسؤول كبير في الوزارة</c> are one of many.
    /// </summary>
    private static bool IsDefiniteTitle(QuoteDocument d, TokenRange role) =>
        !d.Has(role.Start, WordClass.Anonymous) && (d.IsDefinite(role.Start) || (role.Length > 1 && d.IsDefinite(role.Start + 1)));

    /// <summary>
    /// <c>متحدث باسم السناتور ديك ديربن</c>, <c>ابنة العالم ستيفن هوكينغ</c>: an unnamed spokesman or relative of the
    /// person named, not that person. (With a comma, <c>متحدث باسم الجيش، أفيخاي أدرعي</c>, or a pronoun,
    /// <c>ابنته لوسي</c>, the name is the speaker's.)
    /// </summary>
    private static bool SpeaksFor(QuoteDocument d, TokenRange role, int name)
    {
        if (role.IsEmpty || d.IsDefinite(role.Start) || d.Is(name - 1, TokenKind.Comma))
            return false;
        if (d.Has(role.Start, WordClass.Kin) && role.Length > 1 && !IsPossessed(d.Word(role.Start)) && !d.Word(role.Start).EndsWith("ه"))
            return true;                                             // ابنة عالم الفيزياء الراحل ستيفن هوكينغ: his daughter, unnamed
        for (var i = role.Start + 1; i < role.End; i++)
            if (d.IsWord(i, "باسم"))
                return true;
        return false;
    }

    /// <summary>A name, then its title in apposition if none came before (<c>مهاب مميش رئيس هيئة قناة السويس</c>, <c>روس براون، مدير …،</c>).</summary>
    private static SpeakerPhrase? Named(QuoteDocument d, int start, int limit, TokenRange role)
    {
        if (SpeaksFor(d, role, start))
            return new SpeakerPhrase(SpeakerKind.Anonymous, TokenRange.Empty, new TokenRange(role.Start, NameEnd(d, start, limit)), NameEnd(d, start, limit));
        var end = NameEnd(d, start, limit);
        // A courtesy title after the supposed name shows the words were the end of the title: المدير التنفيذي لشركة مترو جدة الدكتور أسامة
        if (d.Has(end, WordClass.Honorific) && !role.IsEmpty)
        {
            role = new TokenRange(role.Start, end);
            start = SkipCourtesy(d, end, limit);
            if (!IsNameStart(d, start))
                return RoleOnly(d, role, start);
            end = NameEnd(d, start, limit);
        }
        if (end - start >= 2 && d.IsDefinite(start) && IsNisba(d.Word(start)) && !d.IsDefinite(start + 1))
            start++;                                                 // a nationality before the name: البرتغالي جواو فيريرا
        if (end - start >= 3 && d.IsDefinite(start) && d.IsDefinite(start + 1) && IsNisba(d.Word(start + 1)) && !d.IsDefinite(start + 2) && IsNameStart(d, start + 2))
        {
            if (role.IsEmpty)
                role = new TokenRange(start, start + 2);            // a title of words outside the lexicon: الملياردير الأميركي بيل غيتس
            start += 2;
        }
        var next = end;
        if (EndsWithApposition(d, start, end))
            end -= 2;
        var name = new TokenRange(start, end);
        if (name.Length == 1 && IsGroup(d.Word(start)))
            return role.IsEmpty ? null : RoleOnly(d, role, end);
        var titleStart = d.Is(next, TokenKind.Comma) ? next + 1 : next;
        if (d.Has(titleStart, WordClass.RoleHead) && !d.Has(titleStart, WordClass.Prefixed))
        {
            next = Title(d, titleStart, limit);                     // a title after the name, kept if none came before: إيناس بن عثمان ضيفة بوليتيكا
            if (role.IsEmpty)
                role = new TokenRange(titleStart, next);
        }
        if (d.Is(next, TokenKind.Comma) && next + 1 < limit && !d.Is(next + 1, TokenKind.QuoteMark))
            next++;
        return new SpeakerPhrase(SpeakerKind.Person, name, role, next, AllDefinite(d, name));
    }

    /// <summary>A long name whose last words are a bare noun and a word with the article: a title after the name (<c>جواد تشودري سمسار العقارات</c>).</summary>
    private static bool EndsWithApposition(QuoteDocument d, int start, int end) =>
        end - start >= MinNameWithApposition && d.IsDefinite(end - 1) && !d.IsDefinite(end - 2)
        && !d.Has(end - 2, WordClass.NameParticle) && !d.Has(end - 3, WordClass.NameParticle);

    /// <summary>An organisation: its head noun and the words of its name (<c>وزارة الخارجية الروسية</c>, <c>وكالة رويترز</c>, <c>صحيفة «الوئام»</c>).</summary>
    private static SpeakerPhrase Organisation(QuoteDocument d, int start, int limit)
    {
        var end = Title(d, start, limit, properNamesRun: true);
        var name = new TokenRange(start, end);
        if (name.Length == 1 && d.IsDefinite(start) && !SelfNamed.Contains(Text.ArabicLetters.Fold(d.Word(start))))
            return new SpeakerPhrase(SpeakerKind.Anaphor, name, TokenRange.Empty, end);
        if (d.Is(end, TokenKind.Comma) && end + 1 < limit && !d.Is(end + 1, TokenKind.QuoteMark))
            end++;
        return new SpeakerPhrase(SpeakerKind.Organisation, name, TokenRange.Empty, end);
    }

    private static bool IsLonePreposition(QuoteDocument d, int i) =>
        d.IsWord(i, "ب") || d.IsWord(i, "ل");                         // also بـ, لـ: folding drops the tatweel

    /// <summary>The end of a title or organisation's name that starts at <paramref name="start"/>.</summary>
    private static int Title(QuoteDocument d, int start, int limit, bool properNamesRun = false)
    {
        var construct = !WithArticle(d, start);
        var closed = false;
        var i = start + 1;
        while (i < limit && i - start < MaxTitleWords)
        {
            if (d.SpanOpenedAt(i) is { Closed: true } named && named.Close < limit
                && (named.IsShort || (named.Words <= MaxQuotedOrganisationWords && d.Has(i - 1, WordClass.OrganisationHead))))
            {
                i = named.Close + 1;                                 // قائد اللواء «15»، صحيفة «الوئام»
                construct = false;
                closed = true;
                continue;
            }
            if (IsLonePreposition(d, i) && d.SpanOpenedAt(i + 1) is { Closed: true, IsShort: true } belongs && belongs.Close < limit)
            {
                i = belongs.Close + 1;                               // مديرة إدارة التوعية ب"تعليم الرياض"
                closed = true;
                continue;
            }
            if (Parenthesis(d, i, limit) is { } afterParenthesis)
            {
                i = afterParenthesis;                                // مجلة (كيكر) الألمانية
                continue;
            }
            if (!d.IsWord(i))
                break;
            var token = d.ClassOf(i);
            if ((token & WordClass.Prefixed) != 0 || d.IsWord(i, "باسم") || JoinsOrganisation(d, i, properNamesRun))
            {
                // المتحدث باسم …، مسؤول العقوبات في وزارة الخارجية; a preposition with the article closes the noun: بالجامعة، للشركة، في العراق
                closed = (token & WordClass.Prefixed) != 0 && HasArticleBehindPreposition(d.Word(i));
                if (JoinsOrganisation(d, i, properNamesRun))
                    closed = d.IsDefinite(++i);
                construct = !closed;
            }
            else if ((token & EndsTitle) != 0 || (!properNamesRun && (token & WordClass.NameParticle) != 0)
                     || ((token & (WordClass.Anonymous | WordClass.OrganisationHead)) != 0 && (token & WordClass.Conjoined) != 0))
            {
                break;                                               // another speaker joined by و: السلطات ووسائل الإعلام
            }
            else if (d.IsDefinite(i))
            {
                if (IsRoleHead(token) && !construct && i - start > 1)
                    break;                                           // a second title: وزير الخارجية الرئيس …
                construct = false;
                closed = true;
            }
            else if ((token & TitleNouns) != 0 && !closed)
            {
                construct = true;
            }
            else if (!construct && !closed && !WithArticle(d, i - 1) && IsNisba(d.Word(i)))
            {
                // an adjective after a bare noun: مسؤول أمريكي، بنك استثماري محلي
            }
            else if (construct && d.Word(i) is ['و', _, _, ..])
            {
                // a coordinated noun: خبراء أسلحة وذخائر
            }
            else if (NameAfterComma(d, i, limit) is { } comma)
            {
                i = comma;                                           // the rest of a proper noun, then the name: حركة نداء تونس، رضا شرف الدين
                break;
            }
            else if (!construct || closed || char.IsDigit(d.Word(i)[0]))
            {
                break;                                               // the name starts: وزير الخارجية مايك …
            }
            else
            {
                construct = properNamesRun;                          // رئيس وزراء إسرائيل; وكالة رويترز; صحيفة يديعوت أحرونوت
            }
            i++;
        }
        return i;
    }

    /// <summary>A parenthesis of a few words (<c>(كيكر)</c>, <c>(فيفا)</c>): the token after it.</summary>
    private static int? Parenthesis(QuoteDocument d, int i, int limit)
    {
        if (!d.Is(i, TokenKind.Other) || d.Text[d.Tokens[i].Start] != '(')
            return null;
        for (var j = i + 1; j < limit && j - i <= MaxParenthesisTokens; j++)
            if (d.Is(j, TokenKind.Other) && d.Text[d.Tokens[j].Start] == ')')
                return j + 1;
        return null;
    }

    private const int MaxParenthesisTokens = 5;

    /// <summary>
    /// Words that end a title just before a comma and a name (<c>حركة نداء تونس، رضا</c>, <c>للنقل بنابل، زهير
    /// ميلاد</c>): the comma, when a few bare words lead to it; else null.
    /// </summary>
    private static int? NameAfterComma(QuoteDocument d, int i, int limit)
    {
        for (var j = i; j < limit && j - i < MaxTitleWordsBeforeComma; j++)
        {
            if (d.Is(j, TokenKind.Comma))
                return j > i && IsNameStart(d, j + 1) && !d.IsDefinite(j + 1) ? j : null;
            if (!d.IsWord(j) || (d.ClassOf(j) & (EndsTitle | WordClass.RoleHead)) != 0)
                return null;
        }
        return null;
    }

    private const int MaxTitleWordsBeforeComma = 3;

    /// <summary>Written with the article, maybe behind a preposition (<c>الشاعر</c>, <c>للشاعر</c>): a title word that no name continues as a construct.</summary>
    private static bool WithArticle(QuoteDocument d, int i) =>
        d.IsDefinite(i) || (d.Has(i, WordClass.Prefixed) && HasArticleBehindPreposition(d.Word(i)));

    /// <summary><c>لل</c> or <c>بال</c>: a preposition and the article (<c>للشركة</c>, <c>بالجامعة</c>); <c>لشركة</c>, <c>بوزارة</c> have none.</summary>
    private static bool HasArticleBehindPreposition(ReadOnlySpan<char> word) =>
        word.StartsWith("لل") || word.StartsWith("بال");

    /// <summary>The end of a title that starts at <paramref name="start"/>, for a title read backwards from a name.</summary>
    public static int TitleEnd(QuoteDocument d, int start, int limit) => Title(d, start, limit);

    /// <summary>
    /// <c>في</c>, <c>عن</c> or <c>على</c> before an organisation or office noun, <c>في</c> before a word with the article that a
    /// name follows, <c>لدى</c> before any word: <c>مسؤول في الوزارة</c>, <c>ممثل المنظمة في البلاد، الدكتور …</c>,
    /// <c>سفير لدى أستراليا</c>.
    /// </summary>
    private static bool JoinsOrganisation(QuoteDocument d, int i, bool organisation) =>
        ((d.IsWord(i, "في") || d.IsWord(i, "عن") || d.IsWord(i, "علي")) && d.Has(i + 1, WordClass.OrganisationHead | WordClass.Noun) && !d.Has(i + 1, WordClass.Prefixed))
        || (!organisation && d.IsWord(i, "في") && d.IsDefinite(i + 1) && (d.Is(i + 2, TokenKind.Comma) || (IsNameStart(d, i + 2) && !d.IsDefinite(i + 2))))
        || (d.IsWord(i, "لدي") && d.IsWord(i + 1));

    private static bool IsRoleHead(WordClass token) => (token & WordClass.RoleHead) != 0 && (token & WordClass.Noun) == 0;

    /// <summary>An adjective of belonging (<c>الروسي</c>, <c>أمريكية</c>, <c>البرتغالي</c>).</summary>
    public static bool IsNisba(ReadOnlySpan<char> word) => word.Length > 3 && (word.EndsWith("ي") || word.EndsWith("ية") || word.EndsWith("يه"));

    /// <summary>A plural of belonging (<c>ديمقراطيون</c>, <c>الإسرائيليين</c>): a group, never one person's name.</summary>
    private static bool IsGroup(ReadOnlySpan<char> word) =>
        word.Length > 4 && (word.EndsWith("يون") || word.EndsWith("يين"));

    /// <summary>A noun with a possessive pronoun (<c>أنموذجه</c>, <c>مداخلتها</c>): not a name (but <c>عبدالله</c>, and short names: <c>طه</c>, <c>عبده</c>).</summary>
    private static bool IsPossessed(ReadOnlySpan<char> word) =>
        word.Length >= 5 && (word.EndsWith("ه") || word.EndsWith("ها") || word.EndsWith("هم")) && !word.EndsWith("الله");

    private static int NameEnd(QuoteDocument d, int start, int limit)
    {
        var i = start;
        while (i < limit && i - start < MaxNameWords && (IsNameWord(d, i) && !IsPossessed(d.Word(i)) || (i > start && IsTitleSurname(d, i))))
            i++;
        return i;
    }

    /// <summary>
    /// A word with the article that is a title's head, after a first name and before what ends a phrase
    /// (<c>سوسن الشاعر،</c>, <c>مازن الخطيب،</c>): a surname, since a title after a name goes on
    /// (<c>X المتحدث باسم …</c>) or is bare (<c>X رئيس هيئة …</c>).
    /// </summary>
    private static bool IsTitleSurname(QuoteDocument d, int i) =>
        d.IsDefinite(i) && d.Has(i, WordClass.RoleHead) && !d.Has(i, WordClass.Prefixed)
        && (!d.IsWord(i + 1) || d.Has(i + 1, WordClass.Complementizer | WordClass.SayVerb | WordClass.SayParticiple));

    /// <summary>A word that can begin a name: outside the grammar's classes (or a name particle such as <c>عبد</c>, <c>أبو</c>), not a number.</summary>
    public static bool IsNameStart(QuoteDocument d, int i) =>
        IsNameWord(d, i) && !IsPossessed(d.Word(i)) && !d.Word(i).EndsWith("\u064B")    // not an adverb with tanween: يوماً
        && !IsWeVerb(d.Word(i));

    /// <summary>
    /// A verb in the first person plural of three root letters (<c>سعينا</c>, <c>عملنا</c>, <c>قررنا</c>): the speaker's
    /// own words begin, as in <c>وقال في تصريح، سعينا …</c>; not a name (<c>ديانا</c>, <c>ليانا</c> have an alef before the <c>نا</c>).
    /// </summary>
    private static bool IsWeVerb(ReadOnlySpan<char> word) =>
        word.Length == 5 && word.EndsWith("نا") && word[2] != 'ا';

    private static bool IsNameWord(QuoteDocument d, int i) =>
        d.IsWord(i) && (d.ClassOf(i) & ~WordClass.NameParticle) == 0 && !char.IsDigit(d.Word(i)[0]);

    private static bool AllDefinite(QuoteDocument d, TokenRange range)
    {
        for (var i = range.Start; i < range.End; i++)
            if (!d.IsDefinite(i))
                return false;
        return true;
    }
}
