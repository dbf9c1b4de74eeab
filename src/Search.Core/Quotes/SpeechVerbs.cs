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
    /// <c>يتابع</c> "follows", <c>يذكر أن</c> "be it recalled that").
    /// Not <c>علق</c>, as often "suspended" as "commented".
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
        ادعى يدعي مدعيا
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
        """;

    /// <summary>Every form with the class it carries (gender and number of the subject).</summary>
    public static IEnumerable<(string Form, WordClass Class)> Forms()
    {
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var (form, wordClass) in Perfect(parts[0]).Concat(Imperfect(parts[1])).Concat(Participle(parts[2])))
                foreach (var prefix in (string[])["", "و", "ف"])
                    yield return (prefix + form, wordClass);
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

    private static IEnumerable<(string, WordClass)> Imperfect(string verb)
    {
        if (verb == "-")
            yield break;
        var stem = verb[1..];
        var plural = verb.EndsWith('ي') || verb.EndsWith('ى') ? verb[..^1] + "ون" : verb + "ون";
        yield return (verb, WordClass.SayVerb);
        yield return ("ت" + stem, WordClass.SayVerb | WordClass.Feminine);
        yield return (plural, WordClass.SayVerb | WordClass.Plural);
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
