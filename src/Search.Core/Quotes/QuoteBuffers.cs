namespace Search.Core.Quotes;

/// <summary>
/// The arrays a <see cref="QuoteDocument"/> fills, kept for the next document of the same thread (an index
/// rebuild extracts on two threads at once). New arrays for every document spent a tenth of the extraction's
/// time allocating and zeroing them.
/// </summary>
internal sealed class QuoteBuffers
{
    [ThreadStatic]
    private static QuoteBuffers? _free;

    public List<QuoteToken> Tokens { get; } = [];

    public List<MarkedSpan> Marks { get; } = [];

    public WordClass[] Classes { get; private set; } = [];

    public int[] MarkAt { get; private set; } = [];

    public int[] Shapes { get; private set; } = [];

    /// <summary>This thread's buffers, taken until <see cref="Return"/>; new ones if they are taken already (a document read inside another).</summary>
    public static QuoteBuffers Rent()
    {
        var buffers = _free ?? new QuoteBuffers();
        _free = null;
        return buffers;
    }

    public static void Return(QuoteBuffers buffers) => _free = buffers;

    /// <summary>Makes <see cref="Classes"/>, <see cref="MarkAt"/> and <see cref="Shapes"/> hold at least <paramref name="count"/> entries.</summary>
    public void Grow(int count)
    {
        if (Classes.Length < count)
        {
            Classes = new WordClass[Math.Max(count, Classes.Length * 2)];
            MarkAt = new int[Classes.Length];
            Shapes = new int[Classes.Length];
        }
    }
}
