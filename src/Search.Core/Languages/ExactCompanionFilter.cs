using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Search.Core.Analysis;

namespace Search.Core.Languages;

/// <summary>
/// Writes words the way <see cref="ArabicSearchFilter"/> does, for the stemmers Lucene ships: the
/// stem, then, at the same position, the unstemmed word prefixed with <see cref="ArabicSearchAnalyzer.ExactPrefix"/>;
/// a word that is its own stem is written once, as its exact form (which a stem lookup reads too).
/// It reads each word twice, as <see cref="Lucene.Net.Analysis.Miscellaneous.KeywordRepeatFilter"/>
/// writes it before the stemmer: the word marked as a keyword, which stemmers leave alone, then the
/// word the stemmer saw, at the same position. With no stemmer between them, every word is its own stem.
/// </summary>
internal sealed class ExactCompanionFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private char[] _word = new char[32];
    private State? _exact;

    public ExactCompanionFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_exact is not null)
        {
            RestoreState(_exact);
            _exact = null;
            MarkExact();
            _increment.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken())
            return false;
        var exact = CaptureState();
        var increment = _increment.PositionIncrement;
        var length = _term.Length;
        if (_word.Length < length)
            _word = new char[Math.Max(length, _word.Length * 2)];
        Array.Copy(_term.Buffer, _word, length);
        if (!m_input.IncrementToken() || _term.Buffer.AsSpan(0, _term.Length).SequenceEqual(_word.AsSpan(0, length)))
        {
            RestoreState(exact);
            MarkExact();
            return true;
        }
        _increment.PositionIncrement = increment;
        _exact = exact;
        return true;
    }

    private void MarkExact()
    {
        var length = _term.Length;
        var buffer = _term.ResizeBuffer(length + 1);
        Array.Copy(buffer, 0, buffer, 1, length);
        buffer[0] = ArabicSearchAnalyzer.ExactPrefix;
        _term.Length = length + 1;
    }

    public override void Reset()
    {
        base.Reset();
        _exact = null;
    }
}
