using Search.Core.Text;

namespace Search.Core.Ingest.Pages;

/// <summary>
/// Recognises the lines a saved page carries around its article: share and print bars, language
/// switches (<c>Ru En</c>, <c>English | Français</c>), site menus and breadcrumbs, copyright notices,
/// "read also" leads, bylines, end marks (<c>انتهى</c>). A line is only taken for one when the whole of it
/// is such words, so a sentence that mentions Facebook or the home page stays.
/// </summary>
internal static class Boilerplate
{
    private const int MaxWords = 25;
    private const int MaxMenuItemWords = 4;

    /// <summary>Words that, all together and nothing else, make a line of page furniture.</summary>
    private static readonly HashSet<string> Words = Folded(
        // sharing, printing and following
        "شارك", "شاركها", "شاركوا", "مشاركة", "المشاركة", "انشر", "طباعة", "اطبع", "الطباعة", "أرسل", "إرسال", "لصديق",
        "البريد", "الإلكتروني", "بريد", "نسخ", "الرابط", "رابط", "حفظ", "تويتر", "فيسبوك", "فيس", "بوك", "واتساب", "واتس",
        "تلغرام", "تليجرام", "تيليغرام", "لينكدإن", "لينكد", "إنستغرام", "انستجرام", "يوتيوب", "تابعونا", "تابعنا", "على",
        "تعليق", "تعليقات", "التعليقات", "أضف", "حجم", "الخط", "تكبير", "تصغير", "الخبر", "المقال",
        "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "instagram", "youtube", "email", "mail", "e",
        "print", "share", "copy", "link", "pinterest", "reddit", "messenger", "tweet", "pdf", "rss",
        // language switches
        "ru", "en", "ar", "fr", "es", "de", "tr", "fa", "ur", "zh", "it", "english", "français", "francais", "русский",
        "español", "deutsch", "türkçe", "عربي", "العربية", "فارسی", "اردو",
        // menus and page navigation
        "الرئيسية", "الصفحة", "القائمة", "بحث", "ابحث", "البحث", "دخول", "الدخول", "تسجيل", "خروج", "اشترك", "اشتراك",
        "الأخبار", "أخبار", "من", "نحن", "اتصل", "بنا", "خريطة", "الموقع", "الخصوصية", "شروط", "الاستخدام",
        "النشرة", "البريدية", "السابق", "التالي", "المزيد", "العودة", "عودة", "رجوع", "أعلى", "انتهى",
        "home", "menu", "search", "login", "logout", "register", "subscribe", "about", "contact", "us", "sitemap",
        "privacy", "terms", "next", "previous", "more", "top", "back",
        // the sections a site's menu lists
        "سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات", "فن", "فنون", "تكنولوجيا", "صحة", "مجتمع", "محليات", "دولي",
        "عربي", "عالمي", "العالم", "تقارير", "مقالات", "فيديو", "صور", "ملفات", "حوارات", "آراء", "رأي", "بيانات",
        "تصريحات", "الأرشيف", "أرشيف", "news", "politics", "economy", "sports", "culture", "video", "photos", "opinion");

    /// <summary>Beginnings of lines that lead to other pages or list tags.</summary>
    private static readonly string[] LeadIns = FoldedPhrases(
        "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "اقرأ المزيد", "شاهد أيضا", "طالع أيضا", "مواضيع ذات صلة", "أخبار ذات صلة",
        "مقالات ذات صلة", "الوسوم", "وسوم", "كلمات مفتاحية", "الكلمات المفتاحية", "read more", "see also", "related", "tags");

    /// <summary>First words of a byline (<c>كتب: محمد علي</c>, <c>بقلم …</c>): a short line that names the writer, not the news.</summary>
    private static readonly HashSet<string> BylineWords = Folded("كتب", "كتبت", "بقلم", "بواسطة", "إعداد", "تحرير", "تصوير", "by");

    private const int MaxBylineWords = 6;

    private static readonly string[] Copyright = FoldedPhrases(
        "الحقوق محفوظة", "حقوق النشر محفوظة", "حقوق الطبع محفوظة", "all rights reserved", "copyright");

    /// <summary>Separators of menus and breadcrumbs; '/' and '-' are not among them, prose and dates use them.</summary>
    private static readonly char[] MenuSeparators = ['|', '•', '·', '›', '»', '«', '>', '‹', '¦'];

    public static bool IsBoilerplate(string line)
    {
        var words = SplitWords(line);
        if (words.Count == 0 || words.Count > MaxWords)
            return words.Count == 0 && !line.Any(char.IsDigit);
        var folded = string.Join(' ', words);
        if (line.Contains('©') || Copyright.Any(folded.Contains) || LeadIns.Any(l => folded.StartsWith(l, StringComparison.Ordinal)))
            return true;
        if (words.All(Words.Contains))
            return true;
        if (words.Count <= MaxBylineWords && BylineWords.Contains(words[0]) && !PageText.EndsLikeSentence(line))
            return true;
        // Language codes and icon labels in any script but Arabic: "Ru En", "AR | EN | FR", "Рус Eng".
        return words.Count >= 2 && words.All(w => w.Length <= 3 && !w.Any(IsArabicLetter));
    }

    /// <summary>A menu or breadcrumb: two or more short items between menu separators (<c>الرئيسية › أخبار › سياسة</c>).</summary>
    public static bool IsMenu(string line)
    {
        if (line.IndexOfAny(MenuSeparators) < 0)
            return false;
        var items = line.Split(MenuSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length >= 2 && items.All(item => PageText.WordCount(item) <= MaxMenuItemWords && !PageText.EndsLikeSentence(item));
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0600' and <= '\u06FF';

    /// <summary>The line's words, folded, without the symbols and digits between them.</summary>
    private static List<string> SplitWords(string line)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= line.Length; i++)
        {
            var inWord = i < line.Length && (char.IsLetter(line[i]) || ArabicLetters.IsIgnorableInWord(line[i]));
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(ArabicLetters.Fold(line.AsSpan(start, i - start)));
                start = -1;
            }
        }
        return words;
    }

    private static HashSet<string> Folded(params string[] words) =>
        words.Select(w => ArabicLetters.Fold(w)).ToHashSet(StringComparer.Ordinal);

    private static string[] FoldedPhrases(params string[] phrases) =>
        phrases.Select(p => string.Join(' ', p.Split(' ').Select(w => ArabicLetters.Fold(w)))).Distinct().ToArray();
}
