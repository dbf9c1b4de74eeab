using Lucene.Net.Search;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// A <see cref="RefinedQuery"/> a document at a time, in order: where it is nested in another query (a
/// language's conjunction), kept to some filters, or asked to explain. Its current document and score are
/// <see cref="RefinedMatch"/>'s.
/// </summary>
internal sealed class RefinedScorer : Scorer
{
    private readonly MatcherScorers[] _words;
    private readonly PostingsUnion<Scorer> _fields;
    private readonly RefinedMatch _match;

    public RefinedScorer(Weight weight, MatcherScorers[] words, RefinedMatch match) : base(weight)
    {
        (_words, _match) = (words, match);
        _fields = new([.. words.SelectMany(w => w.Fields)]);
    }

    public override int DocID => _fields.Doc;

    public override int Freq => _match.Freq;

    public override float GetScore() => _match.GetScore();

    public override int NextDoc() => Matched(_fields.NextDoc());

    public override int Advance(int target) => Matched(_fields.Advance(target));

    public override long GetCost() => _fields.Cost();

    private int Matched(int doc)
    {
        if (doc == NO_MORE_DOCS)
            return doc;
        double sum = 0;
        int count = 0, list = 0;
        foreach (var (fields, tie) in _words)
        {
            var first = _fields.IsOn(list) ? fields[0].GetScore() : (float?)null;
            var second = fields.Length > 1 && _fields.IsOn(list + 1) ? fields[1].GetScore() : (float?)null;
            list += fields.Length;
            if (first is null && second is null)
                continue;
            sum += first is { } a && second is { } b ? MatcherWeight.Combine(a, b, tie) : first ?? second!.Value;
            count++;
        }
        _match.Set(doc, sum, count);
        return doc;
    }
}
