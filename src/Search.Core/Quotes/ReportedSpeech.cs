namespace Search.Core.Quotes;

/// <summary>
/// Where the quoted words are, once the speaker is read: what opens them after the speaker and the
/// circumstances of the saying (<c>إن</c>, <c>أن</c>, <c>إلى أن</c>, a colon, a quotation mark,
/// <c>قائلا</c>), and how far they run; or, for a speaker after the words, the words before
/// (<c>«…»، قال X</c>, <c>…، بحسب X</c>).
/// </summary>
internal static class ReportedSpeech
{
    /// <summary>Circumstances longer than this (<c>في بيان أصدره اليوم …</c>) are not looked through for an opener.</summary>
    private const int MaxCircumstanceTokens = 24;

    /// <summary>One circumstance between a verb and its subject is short (<c>في كلمة ألقاها أمام مجلس الأمن</c>); past this the verb has no subject of its own.</summary>
    private const int MaxAsideTokens = 8;

    /// <summary>A clause before a speaker shorter than this is a circumstance (<c>والاثنين، أعلنت …</c>), not words said.</summary>
    private const int MinClauseTokens = 3;

    /// <summary>
    /// Skips what may stand between a verb and its subject: commas, circumstances (<c>في بيان</c>,
    /// <c>أمس الاثنين</c>, <c>لـ«الرياض»</c>), up to a word that can start a speaker or an opener. A long
    /// circumstance (<c>في مداخلته التى افتتح بها أعمال الحوار فى جلسته الى أن</c>) ends only at an
    /// opener: the verb's subject is then a pronoun; without one, at <paramref name="limit"/>.
    /// </summary>
    public static int SkipBeforeSpeaker(QuoteDocument d, int i, int limit)
    {
        var start = i;
        while (i < limit && i - start < MaxCircumstanceTokens)
        {
            if (d.Is(i, TokenKind.Comma))
            {
                i++;
            }
            else if (d.Has(i, WordClass.Circumstance | WordClass.Prefixed) && !d.Has(i, WordClass.Complementizer | WordClass.LinkPreposition))
            {
                var circumstance = i++;
                while (i < limit && Opens(d, i) is null && !d.Is(i, TokenKind.Comma)
                       && !(i - circumstance < MaxAsideTokens && StartsSpeaker(d, i) && !IsCircumstanceStatement(d, circumstance, i)))
                {
                    if (i - circumstance >= MaxCircumstanceTokens || d.Tokens[i].EndsSentence)
                        return limit;
                    i = SkipNamingSpan(d, i) ?? i + 1;
                }
            }
            else
            {
                break;
            }
        }
        return i;
    }

    /// <summary>
    /// The statement a circumstance names (<c>وأضاف في تصريح أن …</c>, <c>وقال في بيان إن …</c>): the saying's
    /// occasion, not its subject, which is then the latest speaker.
    /// </summary>
    private static bool IsCircumstanceStatement(QuoteDocument d, int circumstance, int i) =>
        i == circumstance + 1 && d.Has(i, WordClass.Statement) && !d.IsDefinite(i);

    /// <summary>A speaker's first word (not one that is also a plain noun or adjective: <c>في مؤتمر صحفي</c>).</summary>
    private static bool StartsSpeaker(QuoteDocument d, int i) =>
        d.Has(i, WordClass.RoleHead | WordClass.OrganisationHead | WordClass.Anonymous | WordClass.Honorific) && !d.Has(i, WordClass.Prefixed | WordClass.Noun);

    /// <summary>A few words in marks that name a paper or channel (<c>لـ«الرياض»</c>), skipped whole.</summary>
    private static int? SkipNamingSpan(QuoteDocument d, int i) =>
        d.SpanOpenedAt(i) is { Closed: true } span && IsNaming(d, span) ? span.Close + 1 : null;

    /// <summary>
    /// A short marked span that names rather than quotes: one the sentence goes on after
    /// (<c>"الحميدي" في تعقيب</c>), or one after a preposition or an organisation noun
    /// (<c>لـ"العربية.نت"،</c>, <c>صحيفة «الوئام»</c>).
    /// </summary>
    private static bool IsNaming(QuoteDocument d, MarkedSpan span) =>
        span.IsShort && span.Close + 1 < d.Count
        && (d.Tokens[span.Close + 1].Kind is TokenKind.Word or TokenKind.Colon or TokenKind.QuoteMark
            || d.Has(span.Open - 1, WordClass.Circumstance | WordClass.Prefixed | WordClass.OrganisationHead));

    /// <summary>
    /// The quoted words opened at or after <paramref name="i"/>, past the circumstances of the saying
    /// (<c>في بيان، الأحد، إن …</c>); null when the sentence goes on otherwise (<c>أعلنت الوزارة القبض على …</c>).
    /// </summary>
    public static QuoteSpan? After(QuoteDocument d, int i, int limit)
    {
        var start = i;
        while (i < limit && i - start < MaxCircumstanceTokens)
        {
            if (Opens(d, i) is { } opened)
                return opened;
            if (d.Is(i, TokenKind.Comma))
            {
                i++;
            }
            else if (d.Has(i, WordClass.Circumstance | WordClass.Prefixed | WordClass.Pronoun) || (d.IsWord(i) && char.IsDigit(d.Word(i)[0]))
                     || (d.Is(i + 1, TokenKind.Comma) && d.Word(i) is ['ب', _, _, ..]))
            {
                i++;                                                 // في بيان، أمس، لـ«الرياض»، الذي كان …، 28 عاما، بقفصة،
                while (i < limit && !d.Is(i, TokenKind.Comma) && !d.Tokens[i].EndsSentence && !d.Has(i, WordClass.SayVerb))
                {
                    if (d.SpanOpenedAt(i) is { Closed: true, IsShort: true } named)
                        i = named.Close + 1;                         // a few marked words inside circumstances name something: يحمل اسم "نيوم"
                    else if (Opens(d, i) is not null)
                        break;
                    else
                        i++;
                }
            }
            else if (d.Is(i - 1, TokenKind.Comma) && Aside(d, i, limit) is { } after)
            {
                i = after;
            }
            else if (d.Word(i) is ['ل', _, _, ..] && OpenerWithin(d, i + 1, limit) is { } opener)
            {
                i = opener;                                          // to whom it was said: لصنداي ميرور إنها …
            }
            else
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>An opener within the next two tokens.</summary>
    private static int? OpenerWithin(QuoteDocument d, int i, int limit)
    {
        for (var j = i; j < limit && j < i + 2; j++)
            if (Opens(d, j) is not null)
                return j;
        return null;
    }

    /// <summary>A few words between commas with words said after them (<c>…، لمياء الزريبي، إن …</c>): the token after the second comma.</summary>
    private static int? Aside(QuoteDocument d, int i, int limit)
    {
        var start = i;
        while (i < limit && i - start < MaxAsideTokens && d.IsWord(i) && !d.Has(i, WordClass.SayVerb) && Opens(d, i) is null)
            i++;
        return i > start && d.Is(i, TokenKind.Comma) && Opens(d, i + 1) is not null ? i + 1 : null;
    }

    /// <summary>Only circumstances follow, to the sentence's end (<c>«…»، قال X في بيان.</c>): the speaker closes the sentence.</summary>
    public static bool EndsSentence(QuoteDocument d, int i, int limit)
    {
        if (d.Is(i, TokenKind.Comma))
            i++;
        if (i < limit && d.Has(i, WordClass.Circumstance | WordClass.Prefixed | WordClass.Pronoun))
            while (i < limit && !d.Has(i, WordClass.SayVerb | WordClass.Complementizer))
                i++;
        return i >= limit;
    }

    /// <summary>The quoted words that token <paramref name="i"/> opens, if it opens any.</summary>
    private static QuoteSpan? Opens(QuoteDocument d, int i)
    {
        if (i >= d.Count)
            return null;
        var token = d.Tokens[i];
        if (token.IsWord && !d.Has(i, WordClass.SayVerb | WordClass.SayParticiple | WordClass.Complementizer | WordClass.LinkPreposition))
        {
            // The one told or described, or what is pointed to, before the clause: أبلغ X الصحيفة بأن …، لافتا الانتباه إلى أن …
            if (d.Has(i + 1, WordClass.Complementizer) && d.Word(i + 1) is ['ب', ..])
                return Clause(d, i + 2);
            if (d.Has(i + 1, WordClass.LinkPreposition) && d.Has(i + 2, WordClass.Complementizer))
                return Clause(d, i + 3);
            if (d.Has(i + 1, WordClass.LinkPreposition) && d.SpanOpenedAt(i + 2) is { Closed: true } warned && warned.Close + 1 < d.Count && d.Tokens[warned.Close + 1].EndsSentence)
                return Marked(warned);                               // حذر X إيران من "عواقب وخيمة جداً".
        }
        if (d.Has(i, WordClass.Complementizer))
            return Clause(d, i + 1);
        if (d.Has(i, WordClass.LinkPreposition) && d.Has(i + 1, WordClass.Complementizer))
            return Clause(d, i + 2);
        if (token.Kind == TokenKind.Colon)
            return AfterColon(d, i + 1);
        if (d.SpanOpenedAt(i) is { } span && !IsNaming(d, span))
            return Marked(span);
        if (d.Has(i, WordClass.SayParticiple))
            return Opens(d, i + 1);                                  // قائلا: «…»، قائلا إن …
        return null;
    }

    public static QuoteSpan Marked(MarkedSpan span) => new(span.Open + 1, span.Close);

    /// <summary>
    /// Marked words that close the sentence after a longer aside (<c>وقال X في مؤتمر صحافي عقده في الصين حيث
    /// يقوم الفريق بجولة آسيوية "…".</c>): no other saying, colon or marks on the way.
    /// </summary>
    public static QuoteSpan? MarkedLater(QuoteDocument d, int i, int limit)
    {
        for (var start = i; i < limit && i - start < MaxCircumstanceTokens; i++)
        {
            if (d.SpanOpenedAt(i) is { } span)
                return !span.IsShort && span.Closed && (span.Close + 1 >= d.Count || d.Tokens[span.Close + 1].EndsSentence) ? Marked(span) : null;
            if (d.Is(i, TokenKind.Colon) || (d.IsWord(i) && d.Has(i, WordClass.SayVerb | WordClass.SayParticiple | WordClass.Complementizer)))
                return null;                                         // another speaker may stand before a colon: بعبارة للشاعر X: «…»
        }
        return null;
    }

    /// <summary>
    /// Reported speech runs to the sentence's end (marks crossed whole), or to another saying joined to
    /// it (<c>…، مضيفا أن …</c>, <c>… وزعم أن …</c>, <c>… لكنه استدرك قائلا: …</c>), which is a quotation of its own.
    /// </summary>
    public static QuoteSpan? Clause(QuoteDocument d, int start)
    {
        if (d.SpanOpenedAt(start) is { } span && (!span.Closed || span.Close + 1 >= d.Count || d.Tokens[span.Close + 1].EndsSentence))
            return Marked(span);                                     // قال إن "…".

        var end = d.SentenceEnd(start);
        for (var i = start + 1; i < end - 1; i++)
            if (d.IsWord(i) && d.MayBeCue(i) && (d.Has(i, WordClass.SayParticiple) || JoinedVerb(d, i) || (d.Is(i - 1, TokenKind.Comma) && d.Has(i, WordClass.Source))))
            {
                end = d.Is(i - 1, TokenKind.Comma) ? i - 1 : i;
                break;
            }
        return end > start ? new QuoteSpan(start, end) : null;
    }

    /// <summary>A verb of saying behind <c>و</c>, <c>ف</c>, <c>لكنه</c> or <c>ثم</c> (<c>وأضاف</c>, <c>لكنه استدرك</c>): a new sentence of the story, not words inside the clause.</summary>
    private static bool JoinedVerb(QuoteDocument d, int i) =>
        d.Has(i, WordClass.SayVerb)
        && ((d.Word(i) is [var first, _, ..] && first is 'و' or 'ف') || d.IsWord(i - 1, "لكنه") || d.IsWord(i - 1, "لكنها") || d.IsWord(i - 1, "ثم"));

    /// <summary>After a colon: a marked span, the rest of the sentence, or the next paragraph when the colon ends a line.</summary>
    private static QuoteSpan? AfterColon(QuoteDocument d, int start)
    {
        if (start >= d.Count)
            return null;
        if (d.Is(start, TokenKind.Paragraph))
        {
            var end = d.ParagraphEnd(start + 1);
            return d.SpanOpenedAt(start + 1) is { } first && first.Close >= end - 1 ? Marked(first) : end > start + 1 ? new QuoteSpan(start + 1, end) : null;
        }
        return Clause(d, start);
    }

    /// <summary>
    /// The words before a speaker named after them: the marked span just before (<c>«…»، قال X</c>),
    /// else the sentence up to the comma before the cue (<c>…، قال ناشطون</c>, <c>…، بحسب المرصد</c>).
    /// </summary>
    /// <param name="commaless">Whether the words may run up to the cue without a comma: a source word that closes the sentence (<c>… في العالم بحسب شركة إيني.</c>).</param>
    public static QuoteSpan? Before(QuoteDocument d, int cue, bool commaless = false)
    {
        var i = cue - 1;
        if (d.IsWord(i, "كما"))
            i--;
        var comma = d.Is(i, TokenKind.Comma);
        if (comma)
            i--;
        if (d.SpanClosedAt(i) is { } span)
            return Marked(span);
        if (!comma && !commaless)
            return null;
        var start = d.SentenceStart(i);
        return i - start >= MinClauseTokens ? new QuoteSpan(start, i + 1) : null;
    }
}
