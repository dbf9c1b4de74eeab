using System.Runtime.InteropServices;

namespace Search.Core.Quotes;

/// <summary>
/// Finds the quotations of one document in one pass over its tokens, attributing each as it goes:
/// verbs of saying (<c>قال X إن …</c>, <c>وأضاف: «…»</c>, <c>«…»، قال X</c>), participles
/// (<c>…، مضيفا أن …</c>), sources (<c>بحسب X</c>, <c>…، وفق ما قال X</c>); then the marked spans no cue
/// claimed (<c>X: «…»</c>, a paragraph quoting on from the one before, or an unknown speaker).
/// </summary>
internal sealed class QuoteFinder(QuoteDocument d)
{
    /// <summary>
    /// Marked text no cue attributes is a quotation (of an unknown speaker) from this many words on;
    /// shorter, it is mostly a name, a term or a title (<c>«خلية الماريوت»</c>, <c>"جست دو إت"</c>).
    /// </summary>
    private const int MinUnattributedWords = 6;

    /// <summary>A name read after a verb whose words were not found is remembered only up to this length (<c>وأكد شتاينماير تفهمه قلق الرياض</c> is no name).</summary>
    private const int MaxRememberedNameWords = 3;

    private readonly DocumentSpeakers _speakers = new(d);
    private readonly List<Found> _found = [];

    /// <summary>Tokens before this index lie in a quotation found already.</summary>
    private int _claimed;

    /// <summary>A quotation found: its tokens, its speaker (null: unknown), a title given without a name, and the cue that introduced it.</summary>
    public readonly record struct Found(QuoteSpan Span, SpeakerEntity? Speaker, string? UnnamedRole, int Cue);

    public List<Found> Run()
    {
        // Every token is read here: from a span of the list (no copy, no bounds check a read), the cue's test on the shape the token has.
        var tokens = CollectionsMarshal.AsSpan(d.Tokens);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i < _claimed || !tokens[i].IsWord || d.SpanAround(i) is not null)
                continue;
            if (i == 0 || tokens[i - 1].EndsSentence)
                Introduction(i);
            if (!d.Lexicon.MayBeCue(tokens[i].Shape))
                continue;
            if (d.Has(i, WordClass.SayVerb))
                Verb(i);
            else if (d.Has(i, WordClass.SayParticiple))
                Participle(i);
            else if (d.Has(i, WordClass.Source))
                Source(i);
        }
        _found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        foreach (var span in d.Marks)
            if (!span.IsShort)
                Unclaimed(span);
        _found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return _found;
    }

    private void Verb(int i)
    {
        if (d.IsWord(i - 1, "ما") || d.Has(i, WordClass.FirstPerson))
            return;                                                  // وهو ما اعتبر …: a relative clause; أرى أن …: the writer's own words
        var voice = VoiceOf(i);
        var limit = d.SentenceEnd(i);
        var subject = ReportedSpeech.SkipBeforeSpeaker(d, i + 1, limit);
        if (d.Has(subject, WordClass.FirstPerson) && ReportedSpeech.Clause(d, subject) is { } direct)
        {
            Emit(direct, Unstated(i, voice), null, i);               // قال أؤكد وبشكل حازم أن …: speech without marks
            return;
        }
        if (ReportedSpeech.After(d, subject, limit) is { } followOn)
        {
            if (!d.Has(i, WordClass.NeedsSubject))
                Emit(followOn, Unstated(i, voice), null, i);
            return;
        }
        if (SpeakerParser.Parse(d, subject, limit) is not { } phrase)
            return;
        // A carrier and its source: نقلت الوكالة عن الوزير قوله إن …، نسبت الوكالة إلى X قوله …، نقلت القناة قول قيادة التحالف إن …
        if (d.Has(i, WordClass.Carrier) && (d.IsWord(phrase.End, "عن") || d.IsWord(phrase.End, "الي") || d.IsWord(phrase.End, "قول"))
            && SpeakerParser.Parse(d, phrase.End + 1, limit) is { } source)
            phrase = source;
        var span = ReportedSpeech.After(d, phrase.End, limit)
            ?? (ReportedSpeech.EndsSentence(d, phrase.End, limit) ? ReportedSpeech.Before(d, i) : ReportedSpeech.MarkedLater(d, phrase.End, limit));
        // Without words said, only a clean phrase is remembered for what follows: not a long run of words read as a name.
        if (span is null && phrase.Kind == SpeakerKind.Person && phrase.Name.Length > MaxRememberedNameWords)
            return;
        var speaker = _speakers.Resolve(phrase, voice);
        if (span is { } said)
            Emit(said, speaker, UnnamedRole(phrase), i);
    }

    /// <summary>
    /// The subject of a verb of saying that names none after it: one before it (<c>فؤاد الزواري أورد أنه …</c>,
    /// <c>وكان الرئيس X قد أكد أن …</c>); none when a noun stands just before a bare verb (<c>صوت جندي يقول: …</c>);
    /// the subject of the sentence's first verb (<c>وعارض النائب X بعض المواد، وقال: …</c>); else the
    /// latest speaker of the same voice (<c>وأضاف أن …</c>).
    /// </summary>
    private SpeakerEntity? Unstated(int verb, Voice voice)
    {
        var sentence = d.SentenceStart(verb);
        var start = IsKana(sentence) ? sentence + 1 : sentence;
        var end = d.IsWord(verb - 1, "قد") || IsKana(verb - 1) ? verb - 1 : verb;   // وكان X قد أكد …، X كان شدد …
        if (start < end && SpeakerParser.Parse(d, start, end) is { } fronted && fronted.End == end)
            return _speakers.Resolve(fronted, voice);
        if (IsRelative(verb - 1))
            return null;                                             // وسائل الإعلام التي نقلت أن …: the relative's noun, not a speaker
        if (d.IsWord(end - 1) && (d.ClassOf(end - 1) & FollowOnWords) == 0)
        {
            if (NamedJustBefore(Math.Max(start, end - MaxFrontedWords), end, voice) is { } named)
                return named;
            if (!Conjoined(verb) && !d.Has(sentence, WordClass.Circumstance))
                return null;                                         // a noun's own saying: صوت جندي يقول …
        }
        return SentenceSubject(sentence, verb, voice) ?? _speakers.Latest(voice);
    }

    private bool IsKana(int i) => d.IsWord(i, "كان") || d.IsWord(i, "وكان") || d.IsWord(i, "كانت") || d.IsWord(i, "وكانت");

    /// <summary>A fronted subject is read back this far from its verb (<c>لكن بحث الدكتور هيرث يشير …</c>).</summary>
    private const int MaxFrontedWords = 6;

    /// <summary>
    /// A speaker named just before a verb, inside a longer sentence start (<c>لكن بحث الدكتور هيرث يشير إلى أن</c>):
    /// a person with a title or a courtesy title, an organisation, or a speaker of the document, whose phrase ends at the verb.
    /// </summary>
    private SpeakerEntity? NamedJustBefore(int from, int end, Voice voice)
    {
        for (var start = end - 1; start >= from; start--)
            if (!d.Has(start - 1, WordClass.Circumstance | WordClass.LinkPreposition | WordClass.Prefixed)   // not inside a circumstance: في صحيفة الحياة مقال لـ…
                && SpeakerParser.Parse(d, start, end) is { } phrase && phrase.End == end
                && (phrase.Kind == SpeakerKind.Organisation || (phrase.Kind == SpeakerKind.Person && (!phrase.Role.IsEmpty || d.Has(start, WordClass.Honorific)))))
                return _speakers.Resolve(phrase, voice);
            else if (SpeakerParser.Parse(d, start, end) is { Kind: SpeakerKind.Person, End: var known } named && known == end && _speakers.Known(named) is { } speaker)
                return speaker;
        return null;
    }

    private bool IsRelative(int i) => d.Has(i, WordClass.Pronoun) && (d.IsWord(i, "الذي") || d.IsWord(i, "التي") || d.IsWord(i, "الذين"));

    /// <summary>A verb behind <c>و</c> or <c>ف</c> goes on with the sentence's subject (<c>… بين البلدين وقال: …</c>).</summary>
    private bool Conjoined(int verb) => d.Word(verb) is [var first, _, ..] && first is 'و' or 'ف';

    /// <summary>What may stand just before a verb whose subject is the latest speaker: particles and circumstances (<c>كما</c>, <c>ثم</c>, <c>قد</c>).</summary>
    private const WordClass FollowOnWords = WordClass.Circumstance | WordClass.Pronoun | WordClass.SayVerb | WordClass.SayParticiple
        | WordClass.Complementizer | WordClass.LinkPreposition | WordClass.Source;

    /// <summary>
    /// The subject after the first word of a sentence whose verb is another (<c>وانتقد نتانياهو …،
    /// موضحا …</c>): a speaker named before, or a name given with its title.
    /// </summary>
    private SpeakerEntity? SentenceSubject(int sentence, int cue, Voice voice)
    {
        if (sentence + 1 >= cue || SpeakerParser.Parse(d, sentence + 1, cue) is not { } phrase)
            return null;
        if (_speakers.Known(phrase) is { } known)
            return known;
        return phrase.Kind is SpeakerKind.Person or SpeakerKind.Organisation && !phrase.Role.IsEmpty || phrase.Kind == SpeakerKind.Organisation
            ? _speakers.Resolve(phrase, voice)
            : null;
    }

    /// <summary>
    /// <c>…، مضيفا أن …</c>: the speaker of the sentence's quotation so far, else the sentence's subject
    /// (<c>وانتقد X …، موضحا أن …</c>), else the latest speaker of the participle's voice.
    /// </summary>
    private void Participle(int i)
    {
        var limit = d.SentenceEnd(i);
        if (ReportedSpeech.After(d, i + 1, limit) is not { } span)
            return;
        var sentence = d.SentenceStart(i);
        if (_found.Count > 0 && _found[^1].Cue >= sentence)
        {
            Emit(span, _found[^1].Speaker, _found[^1].UnnamedRole, i);
            return;
        }
        var voice = VoiceOf(i);
        Emit(span, _speakers.Speaks(SentenceSubject(sentence, i, voice), voice) ?? _speakers.Latest(voice), null, i);
    }

    /// <summary>
    /// A person introduced with a title, or an organisation, by a sentence whatever its verb (<c>أوصى يورغن
    /// كلوب، مدرب ليفربول، …</c>, <c>أطلقت وزارة الصحة …</c>): known to the document, so that a later title
    /// (<c>المدرب الألماني</c>), surname or bare noun (<c>الوزارة</c>) finds them. The latest speaker is left as it was.
    /// </summary>
    private void Introduction(int i)
    {
        if (d.Has(i, WordClass.SayVerb | WordClass.Source) || SpeakerParser.Parse(d, i + 1, d.SentenceEnd(i)) is not { } phrase)
            return;
        if ((phrase.Kind == SpeakerKind.Person && !phrase.Role.IsEmpty) || phrase.Kind == SpeakerKind.Organisation)
            _speakers.Resolve(phrase, null);
    }

    /// <summary>
    /// <c>بحسب X</c>, <c>وفقا لـ X</c>, <c>نقلا عن X</c>, <c>وفق ما قاله X</c>: the sentence after the
    /// source when it opens the sentence, else the words before it. A lone unknown word after a source
    /// is a thing, not a speaker (<c>وفق خطة</c>), unless a verb of saying says so (<c>بحسب ما قاله X</c>).
    /// </summary>
    private void Source(int i)
    {
        if (d.IsWord(i, "حد") || d.IsWord(i, "لسان"))
        {
            if (!d.IsWord(i - 1, "علي"))
                return;
            if (d.IsWord(i, "حد"))
            {
                SaidSo(i);
                return;
            }
        }
        var limit = d.SentenceEnd(i);
        var j = i + 1;
        if (d.IsWord(j, "ل") || d.IsWord(j, "عن"))
            j++;
        var said = false;
        Voice? voice = null;
        var glued = d.Word(i).EndsWith("ما");                       // حسبما أفادت السلطات
        if (glued || d.IsWord(j, "ما") || d.IsWord(j, "لما"))
        {
            if (!glued)
                j++;
            said = d.IsWord(j) && (d.ClassOf(j) == WordClass.None || d.Has(j, WordClass.SayVerb));
            if (said && d.Has(j, WordClass.SayVerb))
                voice = VoiceOf(j);                                  // بحسب ما أضافت الوزيرة: she is the one who goes on
            if (said)
                j++;
            if (d.IsWord(j, "به") || d.IsWord(j, "عنه"))
                j++;
        }
        if (SpeakerParser.Parse(d, j, limit, allowPrefixed: true) is not { } phrase)
            return;
        if (!said && phrase is { Kind: SpeakerKind.Person, Role.IsEmpty: true } && (phrase.Weak || phrase.Name.Length == 1) && !_speakers.Knows(phrase))
            return;
        var speaker = _speakers.Resolve(phrase, voice);
        var cue = d.IsWord(i - 1, "علي") ? i - 1 : i;
        var span = ReportedSpeech.After(d, phrase.End, limit)      // وجاء على لسان X أن …
            ?? (cue == d.SentenceStart(cue)
                ? ReportedSpeech.Clause(d, d.Is(phrase.End, TokenKind.Comma) ? phrase.End + 1 : phrase.End)
                : ReportedSpeech.EndsSentence(d, phrase.End, limit) ? ReportedSpeech.Before(d, cue, commaless: phrase.End >= limit || d.Tokens[phrase.End].EndsSentence) : null);
        if (span is { } found)
            Emit(found, speaker, UnnamedRole(phrase), i);
    }

    /// <summary><c>«…»، على حد قوله</c> (<c>تعبيرها</c>, <c>وصفهم</c>): the words before, said by the latest speaker the pronoun's person points to.</summary>
    private void SaidSo(int i)
    {
        if (!d.IsWord(i + 1) || ReportedSpeech.Before(d, i - 1) is not { } span)
            return;
        var word = d.Word(i + 1);
        var voice = word.EndsWith("هم") ? Voice.Plural : word.EndsWith("ها") ? Voice.Feminine : word.EndsWith("ه") ? Voice.Masculine : (Voice?)null;
        if (voice is { } v)
            Emit(span, _speakers.Latest(v), null, i);
    }

    /// <summary>A marked span no cue claimed: <c>X: «…»</c>; a paragraph of quotation after one quoting a speaker; else a quotation of an unknown speaker.</summary>
    private void Unclaimed(MarkedSpan marked)
    {
        var span = ReportedSpeech.Marked(marked);
        if (Overlapping(span))
            return;
        var before = marked.Open - 1;
        if (d.Is(before, TokenKind.Colon) && BeforeColon(before) is { } phrase)
        {
            Emit(span, _speakers.Resolve(phrase, null), UnnamedRole(phrase), before);
            return;
        }
        if ((before < 0 || d.Is(before, TokenKind.Paragraph)) && EndsParagraph(marked) && PreviousParagraphQuote(marked.Open) is { } previous)
        {
            Emit(span, previous.Speaker, previous.UnnamedRole, marked.Open);
            return;
        }
        if (marked.Words >= MinUnattributedWords && !IsTitleWord(before))
            Emit(span, null, null, marked.Open);
    }

    /// <summary>
    /// The speaker of <c>X: «…»</c>: the sentence up to the colon when it is a speaker (a name of a few
    /// words, a title, an organisation); else a title or organisation ending at the colon inside a longer
    /// sentence (<c>وأختم بالمقولة الشهيرة للشاعر أحمد شوقي: «…»</c>).
    /// </summary>
    private SpeakerPhrase? BeforeColon(int colon)
    {
        var sentence = d.SentenceStart(colon);
        if (SpeakerParser.Parse(d, sentence, colon) is { } whole && whole.End == colon
            && (whole.Kind != SpeakerKind.Person || !whole.Role.IsEmpty || whole.Name.Length <= MaxRememberedNameWords))
            return whole;
        for (var start = colon - 1; start > sentence && colon - start <= MaxFrontedWords; start--)
            if (SpeakerParser.Parse(d, start, colon, allowPrefixed: true) is { } phrase && phrase.End == colon
                && (phrase.Kind == SpeakerKind.Organisation || (phrase.Kind == SpeakerKind.Person && !phrase.Role.IsEmpty)))
                return phrase;
        return null;
    }

    /// <summary>Words before a marked name or title: <c>تحت شعار "…"</c>, <c>بعنوان «…»</c>.</summary>
    private static readonly HashSet<string> TitleWords = new(
        "شعار بعنوان عنوان عنوانه اسم باسم مسمي وسم هاشتاغ هاشتاق كتاب كتابه فيلم برنامج مبادره حمله مشروع مسابقه معرض ملتقي مهرجان"
            .Split(' '), StringComparer.Ordinal);

    private bool IsTitleWord(int i) => d.IsWord(i) && TitleWords.Contains(WithoutArticle(Text.ArabicLetters.Fold(d.Word(i))));

    private static string WithoutArticle(string word) => word.StartsWith("ال", StringComparison.Ordinal) ? word[2..] : word;

    /// <summary>Nothing but a full stop follows the span in its paragraph.</summary>
    private bool EndsParagraph(MarkedSpan marked)
    {
        var next = marked.Close + 1;
        if (d.Is(next, TokenKind.SentenceEnd))
            next++;
        return !marked.Closed || next >= d.Count || d.Is(next, TokenKind.Paragraph);
    }

    private Found? PreviousParagraphQuote(int paragraphStart)
    {
        var previousStart = paragraphStart - 1;
        while (previousStart > 0 && !d.Is(previousStart - 1, TokenKind.Paragraph))
            previousStart--;
        Found? latest = null;
        foreach (var found in _found)
            if (found.Span.End <= paragraphStart && found.Span.End > previousStart)
                latest = found;
        return latest;
    }

    private void Emit(QuoteSpan span, SpeakerEntity? speaker, string? unnamedRole, int cue)
    {
        if (span.End <= span.Start || Overlapping(span))
            return;
        _found.Add(new Found(span, speaker, speaker is null ? unnamedRole : null, cue));
        _claimed = Math.Max(_claimed, span.End);
    }

    /// <summary>Whether a quotation found already overlaps the span (a loop: the closure of <c>_found.Any</c> was allocated for every quotation tried).</summary>
    private bool Overlapping(QuoteSpan span)
    {
        foreach (var found in _found)
            if (found.Span.Overlaps(span))
                return true;
        return false;
    }

    /// <summary>The title of a speaker the text does not name (<c>متحدث باسم حكومة سيول</c>), kept as the quotation's role.</summary>
    private string? UnnamedRole(SpeakerPhrase phrase) =>
        phrase.Kind == SpeakerKind.Anonymous && !phrase.Role.IsEmpty
            ? d.Text[d.Tokens[phrase.Role.Start].Start..d.Tokens[phrase.Role.End - 1].End]
            : null;

    private Voice VoiceOf(int verb) =>
        d.Has(verb, WordClass.Plural) ? Voice.Plural : d.Has(verb, WordClass.Feminine) ? Voice.Feminine : Voice.Masculine;
}
