using Search.Core.Analysis;

namespace Search.Core.Tests.Analysis;

/// <summary>
/// The words the analysis remembers (<see cref="ArabicWordAnalysis"/>) are shared by every thread of one
/// analyzer without a lock: what a word becomes must not depend on which thread met it first, or on how
/// many other words went through its slot since.
/// </summary>
public class ArabicWordAnalysisTests
{
    private const string Text =
        "وقال وزير الخارجية الفلسطيني للصحفيين إن ﻻ تراجع عن المفاوضات في 2021م والـ15 من الشهر، " +
        "وأكدت الوزارات البريطانية والأمريكية أنَّ الإجراءات بالمانيا وللبنان ستُراجع خلال عام ٢٠٢١ هـ.";

    [Fact]
    public void Threads_analysing_at_once_get_what_one_thread_gets_alone()
    {
        var expected = ArabicSearchAnalyzerTests.Analyze(Text, ArabicSearchAnalyzer.Create());
        using var shared = ArabicSearchAnalyzer.Create();
        // Many distinct words as well, so that slots are replaced while others read them.
        var noise = string.Join(' ', Enumerable.Range(0, 5000).Select(i => "كلمة" + i));

        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (i % 2 == 0)
                ArabicSearchAnalyzerTests.Analyze(noise, shared);
            results.Add(ArabicSearchAnalyzerTests.Analyze(Text, shared));
        });

        Assert.Equal(64, results.Count);
        Assert.All(results, result => Assert.Equal(expected, result));
        Assert.Contains("=وزير", expected);
        Assert.Contains("2021", expected);
    }

    [Fact]
    public void A_word_longer_than_what_is_remembered_is_analysed_all_the_same()
    {
        var longWord = "والمستشفيات" + new string('ا', 30);
        var once = ArabicSearchAnalyzerTests.Analyze(longWord);
        Assert.Equal(once, ArabicSearchAnalyzerTests.Analyze(longWord));
        Assert.StartsWith("=مستشفيات", once);
    }
}
