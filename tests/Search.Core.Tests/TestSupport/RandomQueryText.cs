using System.Text;

namespace Search.Core.Tests.TestSupport;

/// <summary>
/// Random search-box text for fuzzing: Arabic letters (hamza forms, harakat, tatweel), Latin
/// letters, Western and Arabic-Indic digits, query operators, whitespace, control characters,
/// emoji (surrogate pairs) and lone surrogates. Seeded, so a failing case can be made again.
/// </summary>
public sealed class RandomQueryText(int seed)
{
    private const string ArabicLetters = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي";
    private const string HamzaForms = "ءأإآؤئٱ";
    private const string Harakat = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652";
    private const string Tatweel = "\u0640";
    private const string Latin = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";
    private const string Whitespace = " \t\n\r\u00A0\u2009\u3000\u200E\u200F\u200B";

    private static readonly string[] Operators =
        ["\"", "-", "+", "OR", "AND", "||", "&&", "*", "(", ")", ":", "~", "^", "\\", "/", "!", "?", "«", "»", "“", "”", "„", " OR ", " AND ", " -", " +"];

    private static readonly string[] Words =
        ["وزارة", "الخارجية", "بيان", "في", "من", "سوريا", "لبنان", "الحكومة", "أعلن", "إعلان", "آمال", "مؤتمر", "رئيس", "العربية", "news", "UN", "2021", "٢٠٢١"];

    private static readonly string[] Emoji = ["😀", "🇸🇦", "👍🏽", "🕌", "❤️", "👨‍👩‍👧"];

    private static readonly string[] LoneSurrogates = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF"];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>The next random text: mostly short, now and then long enough to meet the length limit.</summary>
    public string Next()
    {
        var pieces = _random.Next(20) switch
        {
            0 => _random.Next(200, 700),
            1 => 0,
            _ => _random.Next(1, 24),
        };
        var text = new StringBuilder();
        for (var i = 0; i < pieces; i++)
            text.Append(Piece());
        return text.ToString();
    }

    private string Piece() => _random.Next(100) switch
    {
        < 22 => Run(ArabicLetters, 1, 8),
        < 26 => Run(HamzaForms, 1, 3),
        < 30 => Run(Harakat, 1, 3),
        < 32 => Run(Tatweel, 1, 4),
        < 42 => Run(Latin, 1, 8),
        < 48 => Run(Digits, 1, 5),
        < 62 => Operators[_random.Next(Operators.Length)],
        < 76 => Run(Whitespace, 1, 2),
        < 84 => Words[_random.Next(Words.Length)] + " ",
        < 88 => ((char)_random.Next(0, 32)).ToString() + (_random.Next(4) == 0 ? "\u007F\u0085" : ""),
        < 94 => Emoji[_random.Next(Emoji.Length)],
        _ => LoneSurrogates[_random.Next(LoneSurrogates.Length)],
    };

    private string Run(string alphabet, int min, int max)
    {
        var length = _random.Next(min, max + 1);
        var run = new char[length];
        for (var i = 0; i < length; i++)
            run[i] = alphabet[_random.Next(alphabet.Length)];
        return new string(run);
    }

    /// <summary>The text with every character outside printable ASCII as <c>\uXXXX</c>, for failure messages.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text)
            escaped.Append(c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}");
        return escaped.ToString();
    }
}
