using System.Diagnostics;
using Search.Core.Retrieval.QueryLanguage;
using Search.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace Search.Core.Tests.Retrieval.QueryLanguage;

/// <summary>
/// Thousands of random strings of Arabic, Latin, digits, operators, whitespace, control
/// characters, emoji and lone surrogates: the parser either reads them or refuses them with a
/// <see cref="QuerySyntaxException"/>, never anything else, and always at once. The seed is fixed
/// and printed, so a failure can be run again.
/// </summary>
public sealed class UserQueryParserFuzzTests(ITestOutputHelper output)
{
    public const int Seed = 8_2024;

    private const int Cases = 20_000;

    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(1);

    [Fact]
    public void Random_text_is_read_or_refused_with_a_QuerySyntaxException()
    {
        output.WriteLine($"seed {Seed}, {Cases} cases");
        var random = new RandomQueryText(Seed);
        var (parsed, refused, slowest) = (0, 0, TimeSpan.Zero);
        for (var i = 0; i < Cases; i++)
        {
            var text = random.Next();
            var clock = Stopwatch.StartNew();
            var outcome = Outcome(text, out var query, out var error);
            var elapsed = clock.Elapsed;
            slowest = elapsed > slowest ? elapsed : slowest;
            var where = $"seed {Seed}, case {i}: \"{RandomQueryText.Escape(text)}\"";
            switch (outcome)
            {
                case "parsed":
                    parsed++;
                    AssertWellFormed(text, query!, where);
                    break;
                case "refused":
                    refused++;
                    Assert.False(string.IsNullOrWhiteSpace(error!.Message), where);
                    Assert.True(error.Position >= 0 && error.Position <= text.Length, $"{where}: position {error.Position}");
                    break;
                default:
                    Assert.Fail($"{where}: {outcome}");
                    break;
            }
            // A slow case is timed again, so that a pause of this busy machine is not taken for a slow parse.
            Assert.True(elapsed < PerCase || Timed(text) < PerCase, $"{where}: took {elapsed.TotalMilliseconds} ms");
        }
        output.WriteLine($"{parsed} read, {refused} refused, slowest {slowest.TotalMilliseconds:F2} ms");
        // The generator must reach both outcomes, or it tests little.
        Assert.True(parsed > Cases / 10, $"only {parsed} of {Cases} were read");
        Assert.True(refused > Cases / 20, $"only {refused} of {Cases} were refused");
    }

    [Theory]
    [InlineData(1_000, false)]
    [InlineData(1_001, true)]
    [InlineData(100_000, true)]
    public void The_length_limit_holds_whatever_the_text(int length, bool refused)
    {
        // One long word of letters, digits and emoji: only the length can decide.
        const string alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةىـًٌٍَُِّْabcXYZ019٠١٩😀";
        var random = new Random(Seed + length);
        var text = string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));

        var outcome = Outcome(text, out _, out var error);

        Assert.Equal(refused ? "refused" : "parsed", outcome);
        if (refused)
            Assert.Contains(UserQueryParser.MaxLength.ToString(), error!.Message);
    }

    [Theory]
    [InlineData(" ", 64, false)]
    [InlineData(" ", 65, true)]
    [InlineData("\t", 65, true)]
    [InlineData("\u0001", 65, true)]
    [InlineData("\u3000", 65, true)]
    [InlineData(" OR ", 65, true)]
    [InlineData(" AND ", 65, true)]
    public void The_word_limit_holds_whatever_separates_the_words(string separator, int words, bool refused)
    {
        var text = string.Join(separator, Enumerable.Range(0, words).Select(i => "كلمة" + (char)('ا' + i % 20)));

        var outcome = Outcome(text, out _, out var error);

        Assert.Equal(refused ? "refused" : "parsed", outcome);
        if (refused)
            Assert.Contains(UserQueryParser.MaxTerms.ToString(), error!.Message);
    }

    [Fact]
    public void A_phrase_of_more_than_the_word_limit_is_refused()
    {
        var text = "\"" + string.Join(' ', Enumerable.Repeat("وزارة", UserQueryParser.MaxTerms + 1)) + "\"";

        Assert.Equal("refused", Outcome(text, out _, out _));
    }

    private static TimeSpan Timed(string text)
    {
        var clock = Stopwatch.StartNew();
        Outcome(text, out _, out _);
        return clock.Elapsed;
    }

    /// <summary>"parsed", "refused", or what else was thrown.</summary>
    private static string Outcome(string text, out UserQuery? query, out QuerySyntaxException? error)
    {
        query = null;
        error = null;
        try
        {
            query = UserQueryParser.Parse(text);
            return "parsed";
        }
        catch (QuerySyntaxException e)
        {
            error = e;
            return "refused";
        }
        catch (Exception e)
        {
            return $"threw {e.GetType().FullName}: {e.Message}";
        }
    }

    /// <summary>What a read query promises: within the limits, and no part that is empty or holds a separator or quote.</summary>
    private static void AssertWellFormed(string text, UserQuery query, string where)
    {
        Assert.True(text.Length <= UserQueryParser.MaxLength, $"{where}: {text.Length} characters were read");
        var words = query.Clauses.Sum(c => Words(c.Part));
        Assert.True(words <= UserQueryParser.MaxTerms, $"{where}: {words} words were read");
        foreach (var clause in query.Clauses)
            AssertPart(clause.Part, where);
    }

    private static int Words(QueryPart part) => part switch
    {
        WordPart w => 1,
        PhrasePart p => p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
        AnyOfPart a => a.Alternatives.Sum(Words),
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    private static void AssertPart(QueryPart part, string where)
    {
        switch (part)
        {
            case WordPart w:
                Assert.False(string.IsNullOrEmpty(w.Text), $"{where}: an empty word");
                Assert.DoesNotContain(w.Text, c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '«' or '»' or '“' or '”' or '„');
                break;
            case PhrasePart p:
                Assert.DoesNotContain(p.Text, c => c is '"' or '«' or '»' or '“' or '”' or '„');
                break;
            case AnyOfPart a:
                Assert.True(a.Alternatives.Count >= 2, $"{where}: OR with {a.Alternatives.Count} alternatives");
                foreach (var alternative in a.Alternatives)
                    AssertPart(alternative, where);
                break;
        }
    }
}
