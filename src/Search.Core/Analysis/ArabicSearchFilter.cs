using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Analysis;

/// <summary>
/// The whole per-word chain after tokenization, in one pass: normalise (<see cref="ArabicNormalizer"/>),
/// drop stop words (<see cref="ArabicStopWords"/>, matched on the normalised word), strip clitics and
/// suffixes (<see cref="ArabicProclitics"/>, <see cref="ArabicSuffixes"/>) and emit the stem; then, at
/// the same position, the normalised unstemmed word marked with <see cref="ArabicSearchAnalyzer.ExactPrefix"/>,
/// so exact forms and quoted phrases can be matched in the same field without analysing the text twice.
/// </summary>
public sealed class ArabicSearchFilter : TokenFilter
{
    private readonly ArabicNormalizer _normalizer;
    private readonly ArabicStopWords? _stopWords;
    private readonly ArabicProclitics _proclitics;
    private readonly ArabicSuffixes _suffixes;
    private readonly bool _exactForms;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private char[] _exact = new char[32];
    private int _exactLength;
    private bool _exactPending;

    public ArabicSearchFilter(TokenStream input, ArabicNormalizer normalizer, ArabicStopWords? stopWords,
        ArabicProclitics proclitics, ArabicSuffixes suffixes, bool exactForms) : base(input)
    {
        _normalizer = normalizer;
        _stopWords = stopWords;
        _proclitics = proclitics;
        _suffixes = suffixes;
        _exactForms = exactForms;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_exactPending)
        {
            _exactPending = false;
            var buffer = _term.ResizeBuffer(_exactLength + 1);
            buffer[0] = ArabicSearchAnalyzer.ExactPrefix;
            Array.Copy(_exact, 0, buffer, 1, _exactLength);
            _term.Length = _exactLength + 1;
            _increment.PositionIncrement = 0;
            return true;
        }

        var skipped = 0;
        while (m_input.IncrementToken())
        {
            if (ArabicNormalizer.NeedsExpansion(_term.Buffer.AsSpan(0, _term.Length)))
            {
                var expanded = ArabicNormalizer.Expand(_term.Buffer.AsSpan(0, _term.Length));
                _term.SetEmpty().Append(expanded);
            }
            var length = _normalizer.Normalize(_term.Buffer.AsSpan(0, _term.Length));
            var word = _term.Buffer.AsSpan(0, length);
            if (length == 0 || (_stopWords is not null && _stopWords.Contains(word)))
            {
                skipped += _increment.PositionIncrement;
                continue;
            }
            if (_exactForms)
            {
                if (_exact.Length < length)
                    _exact = new char[Math.Max(length, _exact.Length * 2)];
                word.CopyTo(_exact);
                _exactLength = length;
                _exactPending = true;
            }
            var start = 0;
            if (IsArabicLetter(word[0]))
            {
                start = _proclitics.PrefixLength(word);
                length = start + _suffixes.StemLength(word[start..]);
            }
            if (start > 0)
                Array.Copy(_term.Buffer, start, _term.Buffer, 0, length - start);
            _term.Length = length - start;
            _increment.PositionIncrement += skipped;
            return true;
        }
        return false;
    }

    public override void Reset()
    {
        base.Reset();
        _exactPending = false;
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A';
}
