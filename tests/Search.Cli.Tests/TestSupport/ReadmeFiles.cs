using Search.Api.Tests.TestSupport;

namespace Search.Cli.Tests.TestSupport;

/// <summary>
/// The files the README's examples name (<c>statements.jsonl</c>, <c>statement.txt</c>,
/// <c>2021/statement.txt</c>, <c>site/news.html</c>, <c>saved-pages/</c>), written for the test:
/// short Arabic statements and pages of the shapes the service reads.
/// </summary>
public static class ReadmeFiles
{
    private static string TextPage(string title, string date, string paragraph) => $"""
        {title}

        {date}

        {paragraph}

        وزارة الموارد المائية
        """;

    private static string HtmlPage(string title, string date, string paragraph) => $"""
        <!DOCTYPE html>
        <html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title} | بوابة الأخبار</title></head>
        <body>
          <header><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav></header>
          <article><h1>{title}</h1><time datetime="{date}">{date}</time><p>{paragraph}</p></article>
          <footer>جميع الحقوق محفوظة</footer>
        </body></html>
        """;

    public static void WriteInto(string folder)
    {
        Write(folder, "statements.jsonl", Statements.ToNdjson(
        [
            Statements.Doc("readme-1", "أعلنت وزارة الموارد المائية خطة لترشيد استهلاك المياه في المدن.", "2021-07-20", "وزارة الموارد المائية", "خطة لترشيد المياه"),
            Statements.Doc("readme-2", "افتتحت الوزارة محطة جديدة لتحلية المياه على الساحل.", "2021-08-02", "وزارة الموارد المائية", "محطة تحلية جديدة"),
        ]));
        Write(folder, "statement.txt", TextPage("الوزارة تطلق حملة توعية بترشيد المياه", "٢٧ يوليو ٢٠٢١",
            "أطلقت الوزارة اليوم حملة توعية وطنية بأهمية ترشيد استهلاك المياه في المنازل والمدارس."));
        Write(folder, "2021/statement.txt", TextPage("الوزارة تعلن نتائج مسح المياه الجوفية", "٣ أغسطس ٢٠٢١",
            "أعلنت الوزارة نتائج المسح الوطني للمياه الجوفية الذي شمل عشرين محافظة."));
        Write(folder, "site/news.html", HtmlPage("افتتاح سد جديد في الجنوب", "2021-09-14",
            "افتتح وزير الموارد المائية اليوم سدا جديدا في المحافظات الجنوبية لتخزين مياه الأمطار."));
        Write(folder, "saved-pages/2021/dam.html", HtmlPage("بدء تشغيل محطة ضخ المياه", "2021-10-05",
            "بدأ اليوم تشغيل محطة ضخ المياه الجديدة التي تخدم ثلاث مدن في الشمال."));
        Write(folder, "saved-pages/2021/wells.txt", TextPage("حفر آبار جديدة في القرى النائية", "١٢ نوفمبر ٢٠٢١",
            "بدأت فرق الوزارة حفر عشرة آبار جديدة لتوفير مياه الشرب في القرى النائية."));
    }

    private static void Write(string folder, string relative, string content)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
