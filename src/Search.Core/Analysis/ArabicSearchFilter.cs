using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Text;

namespace Search.Core.Analysis;

/// <summary>
/// The whole per-word chain after tokenization, in one pass: normalise (<see cref="ArabicLetters"/>),
/// drop stop words (<see cref="ArabicStopWords"/>, matched on the normalised word), read a number with
/// letters attached as the number (<see cref="ArabicNumbers"/>) or strip clitics and suffixes
/// (<see cref="ArabicProclitics"/>, <see cref="ArabicSuffixes"/>) and emit the stem; then, at the same
/// position, the normalised unstemmed word marked with <see cref="ArabicSearchAnalyzer.ExactPrefix"/>, so
/// exact forms and quoted phrases can be matched in the same field without analysing the text twice.
/// A word that is its own stem is written once, as its exact form, which stands for its stem too (a stem
/// is looked up as both terms), so the index holds a fifth fewer terms and exact forms stay exact.
/// </summary>
internal sealed class ArabicSearchFilter : TokenFilter
{
    private readonly ArabicStopWords _stopWords;
    private readonly ArabicProclitics _proclitics;
    private readonly ArabicSuffixes _suffixes;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private char[] _exact = new char[32];
    private int _exactLength;
    private bool _exactPending;

    public ArabicSearchFilter(TokenStream input, ArabicStopWords stopWords, ArabicProclitics proclitics, ArabicSuffixes suffixes) : base(input)
    {
        _stopWords = stopWords;
        _proclitics = proclitics;
        _suffixes = suffixes;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_exactPending)
        {
            _exactPending = false;
            WriteExact();
            _increment.PositionIncrement = 0;
            return true;
        }

        var skipped = 0;
        while (m_input.IncrementToken())
        {
            if (ArabicPresentationForms.Contains(_term.Buffer.AsSpan(0, _term.Length)))
            {
                var expanded = ArabicPresentationForms.Expand(_term.Buffer.AsSpan(0, _term.Length));
                _term.SetEmpty().Append(expanded);
            }
            var length = ArabicLetters.Fold(_term.Buffer.AsSpan(0, _term.Length), _term.Buffer);
            var word = _term.Buffer.AsSpan(0, length);
            if (length == 0 || _stopWords.Contains(word))
            {
                skipped += _increment.PositionIncrement;
                continue;
            }
            if (_exact.Length < length)
                _exact = new char[Math.Max(length, _exact.Length * 2)];
            word.CopyTo(_exact);
            _exactLength = length;
            _exactPending = true;
            var start = 0;
            if (ArabicNumbers.Number(word) is { } number)
                (start, length) = (number.Start, number.Start + number.Length);
            else if (IsArabicLetter(word[0]))
            {
                start = _proclitics.PrefixLength(word);
                length = start + _suffixes.StemLength(word[start..]);
            }
            _increment.PositionIncrement += skipped;
            if (start == 0 && length == _exactLength)
            {
                // The word is its own stem: its exact form alone stands for both.
                _exactPending = false;
                WriteExact();
                return true;
            }
            if (start > 0)
                Array.Copy(_term.Buffer, start, _term.Buffer, 0, length - start);
            _term.Length = length - start;
            return true;
        }
        return false;
    }

    private void WriteExact()
    {
        var buffer = _term.ResizeBuffer(_exactLength + 1);
        buffer[0] = ArabicSearchAnalyzer.ExactPrefix;
        Array.Copy(_exact, 0, buffer, 1, _exactLength);
        _term.Length = _exactLength + 1;
    }

    public override void Reset()
    {
        base.Reset();
        _exactPending = false;
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';
}
