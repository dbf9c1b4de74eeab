using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Stories;

/// <summary>
/// A fingerprint's samples as the tokens of one field (<see cref="StoryFields.Sample"/>): one field of
/// thirty tokens is inverted in one pass, where thirty one-term fields cost Lucene thirty.
/// </summary>
internal sealed class SampleTokenStream : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly uint[] _samples;
    private int _next;

    public SampleTokenStream(StoryFingerprint fingerprint)
    {
        _samples = fingerprint.Samples;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _samples.Length)
            return false;
        ClearAttributes();
        _term.SetEmpty().Append(StoryFingerprint.Term(_samples[_next++]));
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
