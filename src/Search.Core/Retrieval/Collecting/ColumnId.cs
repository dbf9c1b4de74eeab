namespace Search.Core.Retrieval.Collecting;

/// <summary>
/// A document's id where its segment's column holds it (<see cref="Utf8Column"/>): compared in place
/// (<see cref="Utf8Ordinal"/>), and made a string only for what a search returns. A segment without ids
/// (none written) gives the empty id, as a missing one did before.
/// </summary>
internal readonly record struct ColumnId(Utf8Column? Column, int Doc)
{
    public ReadOnlySpan<byte> Bytes => Column is null ? default : Column.BytesOf(Doc);

    public int CompareTo(ColumnId other) => Utf8Ordinal.Compare(Bytes, other.Bytes);

    public int CompareTo(ReadOnlySpan<byte> utf8) => Utf8Ordinal.Compare(Bytes, utf8);

    public override string ToString() => Column?[Doc] ?? "";
}
