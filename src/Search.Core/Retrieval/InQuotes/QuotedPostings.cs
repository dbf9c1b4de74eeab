using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Search.Core.Quotes;

namespace Search.Core.Retrieval.InQuotes;

/// <summary>
/// A word's postings in the body kept to the document's quotations: a document is listed when at least
/// one of the word's occurrences lies inside a quotation, its frequency is the count of those, and its
/// positions and offsets are theirs. Each listed document's occurrences are read once, with their
/// offsets (the body indexes them for snippets), and checked against the spans in one walk, both sorted.
/// </summary>
internal sealed class QuotedPostings(DocsAndPositionsEnum body, BinaryDocValues spans) : DocsAndPositionsEnum
{
    private readonly BytesRef _value = new();
    private int[] _starts = new int[8], _ends = new int[8];
    private int[] _positions = new int[8], _startOffsets = new int[8], _endOffsets = new int[8];
    private int _doc = -1, _freq, _next;

    public override int DocID => _doc;

    public override int Freq => _freq;

    public override int NextDoc()
    {
        for (var doc = body.NextDoc(); ; doc = body.NextDoc())
            if (doc == NO_MORE_DOCS || Quoted(doc))
                return _doc = doc;
    }

    public override int Advance(int target)
    {
        var doc = body.Advance(target);
        return doc == NO_MORE_DOCS || Quoted(doc) ? _doc = doc : NextDoc();
    }

    public override int NextPosition()
    {
        _next++;
        return _positions[_next - 1];
    }

    public override int StartOffset => _startOffsets[_next - 1];

    public override int EndOffset => _endOffsets[_next - 1];

    public override BytesRef? GetPayload() => null;

    public override long GetCost() => body.GetCost();

    /// <summary>Reads the document's occurrences inside its quotations; false when there are none.</summary>
    private bool Quoted(int doc)
    {
        spans.Get(doc, _value);
        var count = QuoteSpans.Read(_value, ref _starts, ref _ends);
        _freq = 0;
        _next = 0;
        if (count == 0)
            return false;
        var occurrences = body.Freq;
        var span = 0;
        for (var i = 0; i < occurrences; i++)
        {
            var position = body.NextPosition();
            int start = body.StartOffset, end = body.EndOffset;
            while (span < count && _ends[span] <= start)
                span++;
            if (span == count)
                break;
            if (start >= _starts[span] && end <= _ends[span])
                Keep(position, start, end);
        }
        return _freq > 0;
    }

    private void Keep(int position, int start, int end)
    {
        if (_freq == _positions.Length)
        {
            Array.Resize(ref _positions, _freq * 2);
            Array.Resize(ref _startOffsets, _freq * 2);
            Array.Resize(ref _endOffsets, _freq * 2);
        }
        (_positions[_freq], _startOffsets[_freq], _endOffsets[_freq]) = (position, start, end);
        _freq++;
    }
}
