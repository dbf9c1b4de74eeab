namespace Search.Core.Quotes;

/// <summary>
/// The verbs of saying and every form of them a news text uses for a third person: perfect
/// (<c>قال قالت قالوا قالا</c>), imperfect (<c>يقول تقول يقولون</c>), the adverbial participle
/// (<c>قائلا قائلة قائلين</c>), each also behind <c>و</c> or <c>ف</c>. Written as in text; the
/// lexicon folds them like the words it is asked about.
/// </summary>
internal static class SpeechVerbs
{
    /// <summary>
    /// Perfect, imperfect and accusative participle (<c>-</c> where the form is another word too:
    /// <c>مفيدا</c> "useful", <c>مقرا</c> "headquarters", <c>كاتبا</c> "writer", <c>يفيد</c> "indicates",
    /// <c>يتابع</c> "follows", <c>يذكر أن</c> "be it recalled that", <c>تدعى</c> "is called"); <c>*</c> after an
    /// imperfect that is as often impersonal (<see cref="WordClass.NeedsSubject"/>); <c>^</c> after a
    /// verb that carries another's words (<see cref="WordClass.Carrier"/>). Not <c>علق</c>, as often
    /// "suspended" as "commented"; not the bare <c>بين</c> of <c>بيّن</c>, which is the preposition "between".
    /// </summary>
    private const string Table = """
        قال يقول قائلا
        أكد يؤكد مؤكدا
        أضاف يضيف مضيفا
        أوضح يوضح موضحا
        صرح يصرح مصرحا
        شدد يشدد مشددا
        تابع - متابعا
        أعلن يعلن معلنا
        اعتبر يعتبر معتبرا
        ذكر - -
        أشار يشير مشيرا
        لفت يلفت لافتا
        نفى ينفي نافيا
        حذر يحذر محذرا
        أفاد - -
        كشف يكشف كاشفا
        أردف يردف مردفا
        استطرد يستطرد مستطردا
        استدرك يستدرك مستدركا
        زعم يزعم زاعما
        ادعى - مدعيا
        اعترف يعترف معترفا
        أقر يقر -
        نوه ينوه منوها
        تساءل يتساءل متسائلا
        أجاب يجيب مجيبا
        أبلغ يبلغ -
        أخبر يخبر -
        كتب يكتب -
        غرد يغرد مغردا
        رأى يرى -
        روى يروي -
        أورد يورد -
        توقع يتوقع* متوقعا
        نقل^ ينقل^ -
        نسب^ ينسب^ -
        اعتقد يعتقد* معتقدا
        ختم - مختتما
        بين - مبينا
        """;

    /// <summary>
    /// First-person forms that open speech not marked as such (<c>قال أؤكد وبشكل حازم أن …</c>): verbs whose
    /// subject is the speaker already speaking, never a name.
    /// </summary>
    private const string FirstPerson = "أقول نقول أؤكد نؤكد أرى نرى أعتقد نعتقد نعلن أشدد نشدد";

    /// <summary>Every form with the class it carries (gender and number of the subject).</summary>
    public static IEnumerable<(string Form, WordClass Class)> Forms()
    {
        foreach (var form in FirstPerson.Split(' '))
            yield return (form, WordClass.SayVerb | WordClass.FirstPerson);
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var carrier = line.Contains('^') ? WordClass.Carrier : WordClass.None;
            parts = line.Replace("^", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var (form, wordClass) in Perfect(parts[0]).Concat(Imperfect(parts[1])).Concat(Participle(parts[2])))
                if (form != "بين")
                    foreach (var prefix in (string[])["", "و", "ف"])
                        yield return (prefix + form, wordClass | carrier);
        }
    }

    private static IEnumerable<(string, WordClass)> Perfect(string verb)
    {
        // A defective verb drops its last letter before the endings: نفى → نفت، نفوا.
        var stem = verb.EndsWith('ى') ? verb[..^1] : verb;
        yield return (verb, WordClass.SayVerb);
        yield return (stem + "ت", WordClass.SayVerb | WordClass.Feminine);
        // Not the dual (قالا): rare in news, and its form is an adjective too often (تابعا "subordinate").
        yield return (stem + "وا", WordClass.SayVerb | WordClass.Plural);
    }

    private static IEnumerable<(string, WordClass)> Imperfect(string written)
    {
        if (written == "-")
            yield break;
        var verb = written.TrimEnd('*');
        var say = written.EndsWith('*') ? WordClass.SayVerb | WordClass.NeedsSubject : WordClass.SayVerb;
        var stem = verb[1..];
        var plural = verb.EndsWith('ي') || verb.EndsWith('ى') ? verb[..^1] + "ون" : verb + "ون";
        yield return (verb, say);
        yield return ("ت" + stem, say | WordClass.Feminine);
        yield return (plural, say | WordClass.Plural);
    }

    private static IEnumerable<(string, WordClass)> Participle(string accusative)
    {
        if (accusative == "-")
            yield break;
        var stem = accusative[..^1];
        yield return (accusative, WordClass.SayParticiple);
        yield return (stem + "ة", WordClass.SayParticiple | WordClass.Feminine);
        yield return (stem + "ين", WordClass.SayParticiple | WordClass.Plural);
    }
}
