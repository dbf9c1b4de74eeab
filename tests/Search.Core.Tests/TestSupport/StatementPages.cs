namespace Search.Core.Tests.TestSupport;

/// <summary>
/// Statement pages written for these tests (no text is copied from a site), in the shapes
/// publishers' pages take when saved as text or HTML.
/// </summary>
public static class StatementPages
{
    public const string Title = "لافروف: الحوار مع دول الخليج يفتح آفاقا جديدة للتعاون الاقتصادي";

    public const string Publisher = "مجموعة الحوار الإقليمي \"الشرق والغرب\"";

    public const string FirstParagraph =
        "صرح وزير الخارجية في مؤتمر صحفي عقده اليوم الاثنين 14 مارس/ آذار 2022 أن المشاورات مع الشركاء في المنطقة تسير بخطى ثابتة.";

    public const string SubHeading = "آفاق التعاون";

    public const string LastParagraph = "وأشار الوزير إلى أن اللجنة ستعقد اجتماعها الأول في الربع الثاني من العام الجاري.";

    public static readonly DateOnly Date = new(2022, 3, 14);

    /// <summary>The shape of the issue: a language switch, the headline, a date line in Arabic-Indic digits, paragraphs, a sub-heading, the publisher.</summary>
    public const string StatementText = $"""
        Ru En

        {Title}

        ١٤ مارس ٢٠٢٢

        {FirstParagraph}

        وأضاف أن الجانبين اتفقا على تشكيل لجنة مشتركة لمتابعة مشاريع الطاقة والنقل.

        {SubHeading}

        {LastParagraph}

        {Publisher}
        """;

    /// <summary>The same statement with a site's menus, share bar, "read also" lead and copyright around it.</summary>
    public const string TextWithSiteFurniture = $"""
        English | Français | Русский
        الرئيسية
        أخبار
        الرئيسية أخبار سياسة اقتصاد رياضة منوعات
        الرئيسية › أخبار › بيانات

        {Title}
        ١٤ مارس ٢٠٢٢
        شارك: فيسبوك تويتر واتساب
        {FirstParagraph}
        وأضاف أن الجانبين اتفقا على تشكيل لجنة مشتركة لمتابعة مشاريع الطاقة والنقل.
        {SubHeading}
        {LastParagraph}
        اقرأ أيضا: الوزير يستقبل وفدا من رجال الأعمال
        طباعة
        {Publisher}
        من نحن | اتصل بنا | سياسة الخصوصية
        © 2022 جميع الحقوق محفوظة
        """;

    public const string HtmlTitle = "افتتاح المعرض الدولي للكتاب بمشاركة أربعين دولة";

    public const string HtmlFirstParagraph = "افتتح وزير الثقافة صباح اليوم المعرض الدولي للكتاب في دورته الخامسة والعشرين بمشاركة دور نشر من أربعين دولة.";

    public const string HtmlSubHeading = "برنامج ثقافي متنوع";

    public const string HtmlLastParagraph = "ويستمر المعرض عشرة أيام ويفتح أبوابه للزوار من العاشرة صباحا حتى العاشرة مساء.";

    /// <summary>An article page: site header with a logo heading, menu, share bar, related list, comments, footer, scripts and styles.</summary>
    public static string Html(string head = "", string articleHeader = "", string bodyStart = "") => $$"""
        <!DOCTYPE html>
        <html lang="ar" dir="rtl">
        <head>
          <meta charset="utf-8">
          <title>{{HtmlTitle}} | وكالة الأنباء الثقافية</title>
          <style>.share { color: red; } body { font-family: serif; }</style>
          <script>window.analytics = { page: "افتتاح" };</script>
          {{head}}
        </head>
        <body>
          {{bodyStart}}
          <header class="site-header">
            <h1 class="logo"><a href="/">وكالة الأنباء الثقافية</a></h1>
            <nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/news">أخبار</a></li><li><a href="/culture">ثقافة</a></li></ul></nav>
          </header>
          <div class="lang-switch"><a href="/en">English</a> | <a href="/fr">Français</a></div>
          <main>
            <article>
              <header>{{articleHeader}}</header>
              <div class="share-bar"><a href="#">شارك</a> <a href="#">فيسبوك</a> <a href="#">تويتر</a> <button>نسخ الرابط</button></div>
              <div class="article-body">
                <p>{{HtmlFirstParagraph}}</p>
                <p>وقال الوزير في كلمته إن <strong>المعرض</strong> أصبح موعدا سنويا ينتظره القراء والناشرون.</p>
                <h2>{{HtmlSubHeading}}</h2>
                <p>ويتضمن البرنامج ندوات فكرية وأمسيات شعرية وورشا للأطفال.</p>
                <script>document.write("إعلان");</script>
                <p>{{HtmlLastParagraph}}</p>
              </div>
              <footer class="tags">الوسوم: <a href="#">كتاب</a> <a href="#">ثقافة</a></footer>
            </article>
            <aside class="related"><h3>أخبار ذات صلة</h3><ul><li><a href="/1">انطلاق مهرجان المسرح في العاصمة بمشاركة واسعة</a></li></ul></aside>
            <section id="comments"><h3>التعليقات</h3><p>تعليق من زائر: معرض رائع ومنظم بشكل جيد جدا.</p></section>
          </main>
          <footer><p>© 2022 وكالة الأنباء الثقافية. جميع الحقوق محفوظة.</p><a href="/about">من نحن</a></footer>
        </body>
        </html>
        """;
}
