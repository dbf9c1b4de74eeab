using System.Runtime.InteropServices;

namespace Search.Core.Quotes;

/// <summary>A body as the extraction reads it: its tokens, its marked spans, and questions about a token's place (sentence, marks).</summary>
internal sealed class QuoteDocument
{
    /// <summary>
    /// Set on a token's classes once they are known: classes are looked up for the words the reading asks about, a small
    /// part of a body, and an array cleared (0: not known yet) costs less than one filled with a mark token by token.
    /// </summary>
    private const WordClass Known = (WordClass)(1 << 30);

    private readonly int[] _markAt;
    private readonly WordClass[] _classes;
    private readonly int[] _shapes;

    /// <summary>Whether <see cref="_shapes"/> is filled: only for the documents where a name is looked for (<see cref="NextOfShape"/>).</summary>
    private bool _hasShapes;

    /// <param name="buffers">Filled for this document and read as long as it is: not to be shared with another document read at the same time.</param>
    public QuoteDocument(string text, QuoteLexicon lexicon, QuoteBuffers buffers)
    {
        Text = text;
        Lexicon = lexicon;
        Tokens = buffers.Tokens;
        QuoteTokenizer.Tokenize(text, Tokens);
        buffers.Grow(Tokens.Count + 1);
        _classes = buffers.Classes;
        Array.Clear(_classes, 0, Tokens.Count);
        _shapes = buffers.Shapes;
        Marks = buffers.Marks;
        QuotationMarks.Find(CollectionsMarshal.AsSpan(Tokens), Marks);   // a span: every token is read, without a copy
        // For each token, the marked span it opens (as index + 1), the span it lies inside (as -(index + 1)), or 0.
        _markAt = buffers.MarkAt;
        Array.Clear(_markAt, 0, Tokens.Count + 1);
        for (var m = 0; m < Marks.Count; m++)
        {
            _markAt[Marks[m].Open] = m + 1;
            for (var i = Marks[m].Open + 1; i < Marks[m].Close; i++)
                _markAt[i] = -(m + 1);
        }
    }

    public string Text { get; }

    public QuoteLexicon Lexicon { get; }

    public List<QuoteToken> Tokens { get; }

    public List<MarkedSpan> Marks { get; }

    public int Count => Tokens.Count;

    public ReadOnlySpan<char> Word(int i) => Text.AsSpan(Tokens[i].Start, Tokens[i].End - Tokens[i].Start);

    public bool IsWord(int i) => i >= 0 && i < Tokens.Count && Tokens[i].IsWord;

    public bool Has(int i, WordClass wordClass) => (ClassOf(i) & wordClass) != 0;

    /// <summary>The classes of token <paramref name="i"/>: <see cref="WordClass.None"/> for punctuation, a word outside the grammar, or a position outside the body.</summary>
    public WordClass ClassOf(int i)
    {
        if ((uint)i >= (uint)Tokens.Count)
            return WordClass.None;
        var known = _classes[i];
        if (known == 0)
            _classes[i] = known = Known | (Tokens[i].IsWord ? Lexicon.Classify(Word(i), Tokens[i].Shape) : WordClass.None);
        return known & ~Known;
    }

    /// <summary>
    /// The first token from <paramref name="from"/> on (at most <see cref="Count"/>) with this shape, or <see cref="Count"/>:
    /// the shapes searched as one array, vectorised, where a name's other mentions are looked for through the whole body
    /// (token by token, 0.06 s of the corpus's 1.03 s of extraction).
    /// </summary>
    public int NextOfShape(int from, int shape)
    {
        if (!_hasShapes)
        {
            var tokens = CollectionsMarshal.AsSpan(Tokens);
            for (var i = 0; i < tokens.Length; i++)
                _shapes[i] = tokens[i].Shape;
            _hasShapes = true;
        }
        return _shapes.AsSpan(from, Count - from).IndexOf(shape) is var k and >= 0 ? from + k : Count;
    }

    /// <summary>Whether token <paramref name="i"/> may be a verb of saying, a participle or a source word: false for most words, without a lookup.</summary>
    public bool MayBeCue(int i) => Tokens[i].IsWord && Lexicon.MayBeCue(Tokens[i].Shape);

    public bool Is(int i, TokenKind kind) => i >= 0 && i < Tokens.Count && Tokens[i].Kind == kind;

    /// <summary>The word is exactly this one once folded (<c>ما</c>, <c>باسم</c>).</summary>
    public bool IsWord(int i, string folded) => IsWord(i) && Lexicon.FoldsTo(Word(i), folded);

    /// <summary>Written with the article, also behind <c>و</c> or <c>ف</c>: <c>الخارجية</c>, <c>الجبير</c>, <c>والتعليم</c> (not <c>الى</c>, <c>الا</c>).</summary>
    public bool IsDefinite(int i)
    {
        if (!IsWord(i))
            return false;
        var word = Word(i);
        if (word.Length >= 5 && word[0] is 'و' or 'ف')
            word = word[1..];
        return word.Length >= 4 && word[0] == 'ا' && word[1] == 'ل';
    }

    /// <summary>The marked span whose opening mark is token <paramref name="i"/>, if any.</summary>
    public MarkedSpan? SpanOpenedAt(int i) => i >= 0 && i < Tokens.Count && _markAt[i] > 0 ? Marks[_markAt[i] - 1] : null;

    /// <summary>The marked span token <paramref name="i"/> lies inside (between the marks), if any.</summary>
    public MarkedSpan? SpanAround(int i) => i >= 0 && i < Tokens.Count && _markAt[i] < 0 ? Marks[-_markAt[i] - 1] : null;

    /// <summary>The marked span whose closing mark is token <paramref name="i"/>, if any.</summary>
    public MarkedSpan? SpanClosedAt(int i) =>
        i > 0 && i < Tokens.Count && Tokens[i].Kind == TokenKind.QuoteMark && SpanAround(i - 1) is { } span && span.Close == i ? span : null;

    /// <summary>The first token of the sentence holding token <paramref name="i"/>.</summary>
    public int SentenceStart(int i)
    {
        while (i > 0 && !Tokens[i - 1].EndsSentence)
            i--;
        return i;
    }

    /// <summary>The token ending the sentence from <paramref name="i"/> on (a sentence end or paragraph, else the count); marked spans are crossed whole.</summary>
    public int SentenceEnd(int i)
    {
        while (i < Tokens.Count && !Tokens[i].EndsSentence)
            i = SpanOpenedAt(i) is { } span ? Math.Max(span.Close, i + 1) : i + 1;
        return Math.Min(i, Tokens.Count);
    }

    /// <summary>The paragraph break after token <paramref name="i"/> (or the count).</summary>
    public int ParagraphEnd(int i)
    {
        while (i < Tokens.Count && Tokens[i].Kind != TokenKind.Paragraph)
            i++;
        return i;
    }
}
