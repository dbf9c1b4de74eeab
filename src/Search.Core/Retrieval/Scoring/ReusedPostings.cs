using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Index.Storage;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// Postings readers a thread's finished segments give back, for Lucene to read the next search's terms with
/// (its <c>reuse</c> argument): a reader of a term's documents is three buffers of 128 numbers and a file clone,
/// one of positions more, and making them anew for every spelling of every word in every segment was a tenth of
/// what a search over HTTP allocated (an allocation trace under perf.py's load), and so of the collections; a reader
/// of positions and offsets for a snippet is seven buffers and two clones, a quarter of a search's allocations
/// before the snippets kept theirs.
/// <para>
/// A reader is in one place at a time: spare, or taken by the one scorer that reads with it. The readers opened
/// while a windowed scorer is built (<see cref="Opening"/>) are given back when it has scored its segment to the
/// end (<see cref="RefinedBulkScorer"/>), or when a page's snippets are found (<see cref="Snippets.IndexedMatches"/>), as
/// nothing reads them after that; one opened elsewhere (an explanation,
/// another query's scorer), or by a scorer stopped short, is left to the collector. The spares are kept per segment,
/// so that a segment gone with a merge takes its own along, and per field and whether offsets are read: Lucene checks
/// that a reader reads the segment's file, but not that it was made for a field with offsets as this one (or without),
/// and a reader of the title's postings given the body's read the body's skip lists wrongly.
/// </para>
/// </summary>
internal static class ReusedPostings
{
    [ThreadStatic]
    private static ConditionalWeakTable<AtomicReader, Spares>? t_spares;

    /// <summary>The readers opened for the windowed scorer being built on this thread; null outside one.</summary>
    [ThreadStatic]
    private static Taken? t_opening;

    /// <summary>The term's documents and frequencies, through a spare reader of the segment's field if there is one.</summary>
    public static DocsEnum Docs(AtomicReader segment, string field, TermsEnum terms, IBits? acceptDocs)
    {
        var docs = terms.Docs(acceptDocs, Spare(SparesOf(segment)?.Docs, new Kind(field, false)), DocsFlags.FREQS);
        t_opening?.Docs.Add((new Kind(field, false), docs));
        return docs;
    }

    /// <summary>
    /// The term's documents and positions, and their offsets when asked (null when its field has none), through a spare
    /// reader of the segment's field if there is one.
    /// </summary>
    public static DocsAndPositionsEnum? Positions(AtomicReader segment, string field, TermsEnum terms, IBits? acceptDocs, bool offsets = false)
    {
        var positions = terms.DocsAndPositions(acceptDocs, Spare(SparesOf(segment)?.Positions, new Kind(field, offsets)),
            offsets ? DocsAndPositionsFlags.OFFSETS : DocsAndPositionsFlags.NONE);
        if (positions is not null)
            t_opening?.Positions.Add((new Kind(field, offsets), positions));
        return positions;
    }

    /// <summary>
    /// Notes the readers opened on this thread until <paramref name="build"/> returns: those a windowed scorer of
    /// <paramref name="segment"/> (or a page's snippets) will read, to be given back through <see cref="GiveBack"/> once it is done.
    /// </summary>
    public static (T Built, Taken Readers) Opening<T>(AtomicReader segment, Func<T> build)
    {
        var outer = t_opening;
        var taken = t_opening = new Taken(segment);
        try
        {
            return (build(), taken);
        }
        finally
        {
            t_opening = outer;
        }
    }

    /// <summary>
    /// The readers of a scorer that has read them to the end, spare for the next on this thread; unless a clone was made
    /// from disk since they were opened (<see cref="LoadingIndexInput.ClonesFromDisk"/>): one of them may read from disk
    /// for good, and they are left to the collector.
    /// </summary>
    public static void GiveBack(Taken readers)
    {
        if (LoadingIndexInput.ClonesFromDisk != readers.Stamp)
            return;
        var spares = (t_spares ??= new()).GetValue(readers.Segment, _ => new Spares());
        Keep(spares.Docs, readers.Docs);
        Keep(spares.Positions, readers.Positions);
    }

    private static Spares? SparesOf(AtomicReader segment) =>
        t_spares is { } table && table.TryGetValue(segment, out var spares) ? spares : null;

    private static T? Spare<T>(Dictionary<Kind, Stack<T>>? spares, Kind kind) where T : class =>
        spares is not null && spares.TryGetValue(kind, out var kept) && kept.TryPop(out var spare) ? spare : null;

    private static void Keep<T>(Dictionary<Kind, Stack<T>> spares, List<(Kind Kind, T Reader)> taken)
    {
        foreach (var (kind, reader) in taken)
        {
            if (!spares.TryGetValue(kind, out var kept))
                spares[kind] = kept = new();
            if (kept.Count < Spares.Most)
                kept.Push(reader);
        }
    }

    /// <summary>The readers one scorer took, of one segment.</summary>
    internal sealed class Taken(AtomicReader segment)
    {
        public AtomicReader Segment { get; } = segment;

        /// <summary><see cref="LoadingIndexInput.ClonesFromDisk"/> before the first reader was opened.</summary>
        public long Stamp { get; } = LoadingIndexInput.ClonesFromDisk;
        public List<(Kind Kind, DocsEnum Reader)> Docs { get; } = [];
        public List<(Kind Kind, DocsAndPositionsEnum Reader)> Positions { get; } = [];
    }

    private sealed class Spares
    {
        /// <summary>Readers kept a kind: a long question's words and spellings, or a page's terms, with room to spare.</summary>
        public const int Most = 64;

        public Dictionary<Kind, Stack<DocsEnum>> Docs { get; } = [];
        public Dictionary<Kind, Stack<DocsAndPositionsEnum>> Positions { get; } = [];
    }

    /// <summary>What a reader was opened for: its field, and whether it reads offsets.</summary>
    internal readonly record struct Kind(string Field, bool Offsets);
}
