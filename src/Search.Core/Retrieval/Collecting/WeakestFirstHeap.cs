namespace Search.Core.Retrieval.Collecting;

/// <summary>How a kept-best heap orders its entries, and what it is told when an entry moves.</summary>
/// <remarks>A struct, so that the heap's loops are compiled for each collector with the comparison inlined.</remarks>
internal interface IHeapOrder<T>
{
    /// <summary>Whether <paramref name="a"/> ranks below <paramref name="b"/> (it leaves the heap first).</summary>
    bool Weaker(in T a, in T b);

    /// <summary>The entry now sits at <paramref name="place"/> (for collectors that find a kept entry by its key).</summary>
    void Moved(in T entry, int place);
}

/// <summary>
/// The min-heap a collector keeps its best <c>n</c> matches in: the weakest at the root, so that a match
/// weaker than it costs one comparison. Shared by the hit and story collectors.
/// </summary>
internal static class WeakestFirstHeap
{
    public static void SiftUp<T, TOrder>(T[] heap, int i, TOrder order) where TOrder : struct, IHeapOrder<T>
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!order.Weaker(heap[i], heap[parent]))
                return;
            Swap(heap, i, parent, order);
            i = parent;
        }
    }

    public static void SiftDown<T, TOrder>(T[] heap, int count, int i, TOrder order) where TOrder : struct, IHeapOrder<T>
    {
        while (true)
        {
            var weakest = i;
            foreach (var child in (ReadOnlySpan<int>)[2 * i + 1, 2 * i + 2])
                if (child < count && order.Weaker(heap[child], heap[weakest]))
                    weakest = child;
            if (weakest == i)
                return;
            Swap(heap, i, weakest, order);
            i = weakest;
        }
    }

    /// <summary>The kept entries, best first.</summary>
    public static T[] BestFirst<T, TOrder>(T[] heap, int count, TOrder order) where TOrder : struct, IHeapOrder<T>
    {
        var top = heap[..count];
        Array.Sort(top, (a, b) => order.Weaker(a, b) ? 1 : order.Weaker(b, a) ? -1 : 0);
        return top;
    }

    private static void Swap<T, TOrder>(T[] heap, int a, int b, TOrder order) where TOrder : struct, IHeapOrder<T>
    {
        (heap[a], heap[b]) = (heap[b], heap[a]);
        order.Moved(heap[a], a);
        order.Moved(heap[b], b);
    }
}
