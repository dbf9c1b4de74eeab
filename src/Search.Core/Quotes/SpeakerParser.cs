namespace Search.Core.Quotes;

/// <summary>
/// Reads the speaker's phrase that follows a verb of saying or a source word: courtesy titles, a
/// title (<c>وزير الخارجية الأمريكي</c>), a name (<c>مايك بومبيو</c>), a title in apposition after the
/// name or between commas, an organisation, or an anonymous source. A title runs on while its words are
/// nouns of the lexicon, words with the article, or a proper noun in a construct (<c>رئيس وزراء
/// إسرائيل</c>); the first other word after a word with the article starts the name.
/// </summary>
internal static class SpeakerParser
{
    private const int MaxNameWords = 5;
    private const int MaxTitleWords = 10;

    private const WordClass EndsName =
        WordClass.SayVerb | WordClass.SayParticiple | WordClass.Complementizer | WordClass.Circumstance | WordClass.Pronoun
        | WordClass.Source | WordClass.RoleHead | WordClass.OrganisationHead | WordClass.Anonymous | WordClass.Honorific
        | WordClass.Prefixed | WordClass.Noun | WordClass.LinkPreposition;

    private const WordClass EndsTitle =
        WordClass.SayVerb | WordClass.SayParticiple | WordClass.Complementizer | WordClass.Circumstance | WordClass.Pronoun
        | WordClass.Source | WordClass.Honorific | WordClass.LinkPreposition;

    /// <summary>Organisations that name themselves with the article alone (<c>قالت الشرطة</c>); other bare nouns (<c>الوزارة</c>) stand for one named before.</summary>
    private static readonly HashSet<string> SelfNamed = new(
        "الكرملين الاليزيه البنتاغون البنتاجون الفاتيكان الجيش الشرطه الحكومه الرياسه الرئاسه الخارجيه الداخليه الدفاع"
            .Split(' '), StringComparer.Ordinal);

    /// <param name="allowPrefixed">Whether the phrase may start behind <c>ل</c> (<c>وفقا لمصادر</c>, <c>طبقا للوزارة</c>).</param>
    public static SpeakerPhrase? Parse(QuoteDocument d, int start, int limit, bool allowPrefixed = false)
    {
        if (start >= limit)
            return null;
        if (d.SpanOpenedAt(start) is { Closed: true, IsShort: true } marked && marked.Close < limit)
            return QuotedName(d, marked, limit);
        if (!d.IsWord(start) || (d.Has(start, WordClass.Prefixed) && !allowPrefixed))
            return null;
        var token = d.Tokens[start];
        if (token.Has(WordClass.Anonymous) && !token.Has(WordClass.RoleHead))
            return new SpeakerPhrase(SpeakerKind.Anonymous, TokenRange.Empty, TokenRange.Empty, Title(d, start, limit));
        if (token.Has(WordClass.RoleHead) || token.Has(WordClass.Honorific))
            return Titled(d, start, limit);
        if (token.Has(WordClass.OrganisationHead))
            return Organisation(d, start, limit);
        if (IsNameStart(d, start))
            return Named(d, start, limit, TokenRange.Empty);
        return null;
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

    /// <summary>Courtesy titles, a title, then the name if one follows (<c>وزير الخارجية، سامح شكري،</c>).</summary>
    private static SpeakerPhrase? Titled(QuoteDocument d, int start, int limit)
    {
        var i = SkipHonorifics(d, start, limit);
        if (!d.Has(i, WordClass.RoleHead))
            return IsNameStart(d, i) ? Named(d, i, limit, TokenRange.Empty) : null;
        var titleEnd = Title(d, i, limit);
        var role = new TokenRange(i, titleEnd);
        var next = SkipHonorifics(d, titleEnd, limit);
        while (d.IsDefinite(next) && d.Has(next, WordClass.RoleHead) && IsNameStart(d, next + 1))
            next++;                                                  // a second title used as a courtesy: ولي العهد الأمير محمد بن سلمان
        if (d.Is(next, TokenKind.Comma) && d.Has(next + 1, WordClass.Pronoun))
            next = AfterAside(d, next + 1, limit);                   // وزير الداخلية، الذي ينتمي لحزب الحرية، هربرت كيكل
        if (d.Is(next, TokenKind.Comma) && IsNameStart(d, next + 1))
            next++;
        return next < limit && IsNameStart(d, next) ? Named(d, next, limit, role) : RoleOnly(d, role, titleEnd);
    }

    /// <summary>
    /// <c>متحدث باسم السناتور ديك ديربن</c>: an unnamed spokesman of the person named, not that person.
    /// (With a comma, <c>متحدث باسم الجيش، أفيخاي أدرعي</c>, the name is the spokesman's.)
    /// </summary>
    private static bool SpeaksFor(QuoteDocument d, TokenRange role, int name)
    {
        if (role.IsEmpty || d.IsDefinite(role.Start) || d.Is(name - 1, TokenKind.Comma))
            return false;
        for (var i = role.Start + 1; i < role.End; i++)
            if (d.IsWord(i, "باسم"))
                return true;
        return false;
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
        d.IsDefinite(role.Start) || (role.Length > 1 && d.IsDefinite(role.Start + 1));

    /// <summary>A name, then its title in apposition if none came before (<c>مهاب مميش رئيس هيئة قناة السويس</c>, <c>روس براون، مدير …،</c>).</summary>
    private static SpeakerPhrase Named(QuoteDocument d, int start, int limit, TokenRange role)
    {
        if (SpeaksFor(d, role, start))
            return new SpeakerPhrase(SpeakerKind.Anonymous, TokenRange.Empty, new TokenRange(role.Start, NameEnd(d, start, limit)), NameEnd(d, start, limit));
        var end = NameEnd(d, start, limit);
        // A courtesy title after the supposed name shows the words were the end of the title: المدير التنفيذي لشركة مترو جدة الدكتور أسامة
        if (d.Has(end, WordClass.Honorific) && !role.IsEmpty)
        {
            role = new TokenRange(role.Start, end);
            start = SkipHonorifics(d, end, limit);
            if (!IsNameStart(d, start))
                return RoleOnly(d, role, start);
            end = NameEnd(d, start, limit);
        }
        var name = new TokenRange(start, end);
        if (name.Length == 1 && IsGroup(d.Word(start)))
            return new SpeakerPhrase(SpeakerKind.Anonymous, TokenRange.Empty, TokenRange.Empty, end);
        var next = end;
        if (role.IsEmpty)
        {
            var titleStart = d.Is(next, TokenKind.Comma) ? next + 1 : next;
            if (d.Has(titleStart, WordClass.RoleHead) && !d.Has(titleStart, WordClass.Prefixed))
            {
                next = Title(d, titleStart, limit);
                role = new TokenRange(titleStart, next);
            }
        }
        if (d.Is(next, TokenKind.Comma) && next + 1 < limit && !d.Is(next + 1, TokenKind.QuoteMark))
            next++;
        return new SpeakerPhrase(SpeakerKind.Person, name, role, next, AllDefinite(d, name));
    }

    /// <summary>An organisation: its head noun and the words of its name (<c>وزارة الخارجية الروسية</c>, <c>وكالة رويترز</c>).</summary>
    private static SpeakerPhrase Organisation(QuoteDocument d, int start, int limit)
    {
        var end = Title(d, start, limit, properNamesRun: true);
        if (end == start + 1 && d.SpanOpenedAt(end) is { Closed: true, IsShort: true } named && named.Close < limit)
            end = named.Close + 1;                                   // صحيفة «الوئام»، موقع "سكاي نيوز عربية"
        var name = new TokenRange(start, end);
        if (name.Length == 1 && d.IsDefinite(start) && !SelfNamed.Contains(d.Lexicon.Fold(d.Word(start))))
            return new SpeakerPhrase(SpeakerKind.Anaphor, name, TokenRange.Empty, end);
        if (d.Is(end, TokenKind.Comma) && end + 1 < limit && !d.Is(end + 1, TokenKind.QuoteMark))
            end++;
        return new SpeakerPhrase(SpeakerKind.Organisation, name, TokenRange.Empty, end);
    }

    /// <summary>The end of a title or organisation's name that starts at <paramref name="start"/>.</summary>
    private static int Title(QuoteDocument d, int start, int limit, bool properNamesRun = false)
    {
        var construct = !d.IsDefinite(start);
        var i = start + 1;
        while (i < limit && i - start < MaxTitleWords && d.IsWord(i))
        {
            var token = d.Tokens[i];
            if (token.Has(WordClass.Prefixed) || d.IsWord(i, "باسم")
                || (d.IsWord(i, "في") && d.Has(i + 1, WordClass.OrganisationHead | WordClass.Noun) && !d.Has(i + 1, WordClass.Prefixed)))
            {
                construct = true;                                    // المتحدث باسم …، مسؤول العقوبات في وزارة الخارجية
            }
            else if ((token.Class & EndsTitle) != 0 || (!properNamesRun && token.Has(WordClass.NameParticle)))
            {
                break;
            }
            else if (d.IsDefinite(i))
            {
                if (IsRoleHead(token) && !construct && i - start > 1)
                    break;                                           // a second title: وزير الخارجية الرئيس …
                construct = false;
            }
            else if ((token.Class & (WordClass.Noun | WordClass.OrganisationHead | WordClass.RoleHead | WordClass.Anonymous)) != 0)
            {
                construct = true;
            }
            else if (!construct || char.IsDigit(d.Word(i)[0]))
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

    private static bool IsRoleHead(QuoteToken token) => token.Has(WordClass.RoleHead) && !token.Has(WordClass.Noun);

    /// <summary>A plural of belonging (<c>ديمقراطيون</c>, <c>الإسرائيليين</c>): a group, never one person's name.</summary>
    private static bool IsGroup(ReadOnlySpan<char> word) =>
        word.Length > 4 && (word.EndsWith("يون") || word.EndsWith("يين"));

    private static int NameEnd(QuoteDocument d, int start, int limit)
    {
        var i = start;
        while (i < limit && i - start < MaxNameWords && d.IsWord(i)
               && (d.Tokens[i].Class & EndsName) == 0 && !char.IsDigit(d.Word(i)[0]))
            i++;
        return i;
    }

    private static int SkipHonorifics(QuoteDocument d, int i, int limit)
    {
        while (i < limit && d.Has(i, WordClass.Honorific))
            i++;
        return i;
    }

    /// <summary>A word that can begin a name: outside the grammar's classes (or a name particle such as <c>عبد</c>, <c>أبو</c>), not a number.</summary>
    public static bool IsNameStart(QuoteDocument d, int i) =>
        d.IsWord(i) && (d.Tokens[i].Class & ~WordClass.NameParticle) == 0 && !char.IsDigit(d.Word(i)[0]);

    private static bool AllDefinite(QuoteDocument d, TokenRange range)
    {
        for (var i = range.Start; i < range.End; i++)
            if (!d.IsDefinite(i))
                return false;
        return true;
    }
}
