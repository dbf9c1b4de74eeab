namespace Search.Core.Quotes;

/// <summary>The words around a speaker that are not the speaker: what opens the reported speech, what attributes it, and the circumstances between.</summary>
internal static class ClauseWords
{
    /// <summary>What opens reported speech after the speaker: <c>قال X إن …</c>, <c>أكد X أنه …</c>, <c>صرح X بأن …</c>.</summary>
    public const string Complementizers = """
        إن أن إنه أنه إنها أنها إنهم أنهم إنهما أنهما إنني أنني إننا أننا إنكم أنكم إنهن أنهن
        بأن بأنه بأنها بأنهم بأنهما بأننا ألا بألا
        """;

    /// <summary>A preposition that may stand between the speaker and <c>أن</c>: <c>أشار X إلى أن</c>, <c>حذر X من أن</c>.</summary>
    public const string LinkPrepositions = "إلى الى على عن من";

    /// <summary>
    /// Words that attribute a statement to its source: <c>بحسب</c>, <c>حسب</c>, <c>وفق</c>, <c>وفقا لـ</c>,
    /// <c>طبقا لـ</c>, <c>نقلا عن</c>, <c>على لسان</c>, and <c>على حد قوله</c> after the words.
    /// </summary>
    public const string Sources = """
        بحسب حسب وفق وفقا وفقاً طبقا طبقاً نقلا نقلاً لسان حد حسبما بحسبما
        وبحسب وحسب ووفق ووفقا ووفقاً وطبقا ونقلا وحسبما وبحسبما
        """;

    /// <summary>Words that start the circumstances of a saying (where, when, to whom, on what occasion: <c>بمؤتمر صحافي</c>), not the speaker.</summary>
    public const string Circumstances = """
        في خلال عبر أمام لدى مع من عن على إلى الى بعد قبل عقب أثناء حول ضمن منذ حين عند بين لـ ل
        أمس اليوم الليلة غدا صباح مساء صباحا مساءا ظهر ظهر يوم الاثنين الإثنين الثلاثاء الأربعاء
        الخميس الجمعة السبت الأحد مؤخرا سابقا لاحقا كذلك أيضا بدوره بدورها بدورهم جهته جهتها
        جانبه جانبها وقت حينها وقتها حاليا خلاله قد لقد كان كانت وكان وكانت ثم حيث إذ ذلك بذلك
        كنا كنت وكنا وكنت وقد فقد كما وكما عندما حين بينما فيما لكن لكنه لكنها ولكن ولكنه ولكنها
        قوله قولها قولهم فيه فيها فيهم له لها لهم به بها بهم منه منها عنه عنها عليه عليها إليه إليها
        معه معها لديه لديها خلالها لنا لي لك لكم إلينا علينا منا عنا بالتالي وبالتالي لذلك وعليه البالغ البالغة نهاية مطلع بداية أواخر أوائل منتصف الأسبوع الشهر لوسائل للصحفيين للصحافيين للصحافة للإعلاميين للتلفزيون للإذاعة لبي أف اف إف هاتفيا أيضاً مؤخراً
        مؤتمر بمؤتمر لقاء بلقاء مقابلة بمقابلة حوار بحوار خطاب بخطاب جلسة بجلسة اجتماع باجتماع ندوة بندوة
        """;

    /// <summary>Pronouns and relative words: a name ends before them (<c>قال X الذي …</c>); a courtesy title with a pronoun (<c>وأكد سموه أن …</c>) is the latest speaker, not a name.</summary>
    public const string Pronouns = """
        الذي التي الذين اللذان اللتان اللواتي هو هي هم هما أنا نحن أنت نفسه نفسها أنفسهم ذاته ذاتها هذا هذه
        وهو وهي وهم الذى تلك هؤلاء أولئك هنا هناك هنالك
        سموه سموها معاليه معاليها سعادته سعادتها فخامته جلالته جلالتها
        """;
}
