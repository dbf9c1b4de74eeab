using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Search.Core.Quotes;

/// <summary>
/// The speaker keys of one document's quotations (<see cref="SpeakerKeys"/>) as one field of
/// <see cref="QuoteFields.Speaker"/>, its token stream the keys, one term a quotation: with frequencies, no
/// norms, as a keyword field a quotation wrote them. A keyword field made its own token stream each, a tenth of
/// the quotations' share of a rebuild (docs/performance.md). Holds its keys until it is given the next document's.
/// </summary>
internal sealed class SpeakerKeysField
{
    /// <summary>Tokenized in Lucene's terms, as its value is a token stream; each key is one term all the same.</summary>
    private static readonly FieldType Type = new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    }.Freeze();

    /// <summary>The keys the field writes, one a quotation, in the document's order.</summary>
    private readonly List<string> _keys = [];

    private readonly Field _field;

    public SpeakerKeysField() => _field = new Field(QuoteFields.Speaker, new KeyStream(_keys), Type);

    /// <summary>The field holding the keys of <paramref name="quotes"/>' named speakers, one a quotation; null when none is named.</summary>
    public Field? For(IReadOnlyList<Quote> quotes)
    {
        _keys.Clear();
        foreach (var quote in quotes)
            if (quote.NamesSpeaker)
                _keys.Add(quote.SpeakerKey!);
        return _keys.Count > 0 ? _field : null;
    }

    /// <summary>Each key as one term; read again for every document, as Lucene resets a stream before reading it.</summary>
    private sealed class KeyStream : TokenStream
    {
        private readonly List<string> _keys;
        private readonly ICharTermAttribute _term;
        private int _next;

        public KeyStream(List<string> keys)
        {
            _keys = keys;
            _term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next == _keys.Count)
                return false;
            ClearAttributes();
            _term.SetEmpty().Append(_keys[_next++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
