using System.Text;

namespace Search.Api.Tests.TestSupport;

/// <summary>Statement pages written for these tests, as text and HTML, in the encodings Arabic sites use.</summary>
public static class StatementPages
{
    public static readonly Encoding Windows1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    /// <summary>A text page as saved from a publisher's site: language switch, headline, date line, paragraphs, publisher.</summary>
    public static string Text(string title, string dateLine, string word) => $"""
        Ru En

        {title}

        {dateLine}

        أعلنت اللجنة الوطنية للمياه اليوم عن خطة جديدة لترشيد الاستهلاك في المدن الكبرى {word}.

        وأوضحت اللجنة أن الخطة تشمل تركيب عدادات ذكية في المباني الحكومية.

        مراحل التنفيذ

        وتبدأ المرحلة الأولى مطلع الشهر المقبل وتستمر ستة أشهر.

        شارك: فيسبوك تويتر واتساب

        اللجنة الوطنية للمياه
        """;

    /// <summary>An HTML article page with a menu, share bar, related list and footer around it.</summary>
    public static string Html(string title, string dateElement, string word) => $"""
        <!DOCTYPE html>
        <html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | بوابة الأخبار</title>
        <script>var tracker = "متابعة";</script></head>
        <body>
          <header><a class="logo" href="/">بوابة الأخبار</a><nav><a href="/">الرئيسية</a> <a href="/local">محليات</a></nav></header>
          <article>
            <h1>{title}</h1>
            {dateElement}
            <div class="social-share"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
            <p>افتتح محافظ المدينة اليوم الجسر الجديد الذي يربط ضفتي النهر {word}.</p>
            <p>وقال المحافظ إن الجسر سيخفف الازدحام المروري في وسط المدينة.</p>
          </article>
          <aside class="related"><a href="/x">أخبار أخرى عن المرور والطرق</a></aside>
          <footer>جميع الحقوق محفوظة لبوابة الأخبار</footer>
        </body></html>
        """;

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Utf16LittleEndian(string text) => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)];

    public static byte[] Utf16BigEndian(string text) => [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(text)];
}
