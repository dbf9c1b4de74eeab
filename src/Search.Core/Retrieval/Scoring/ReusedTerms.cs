using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Search.Core.Index.Storage;

namespace Search.Core.Retrieval.Scoring;

/// <summary>
/// Each thread's reader of a segment field's terms dictionary, sought afresh for each term the thread looks up
/// there. A reader keeps the dictionary's blocks and the index arcs it loaded for its last term, so that a term
/// sharing their prefix reads less; one made for each query's lookups, each scorer and each page's snippets made
/// its frames and their buffers anew, 14% of what a search over HTTP allocated (an allocation trace under perf.py's
/// load). A caller seeks and reads what it needs of the term found (its state, its postings) before it returns,
/// never keeping the reader: the next caller on the thread seeks it elsewhere. Kept per segment, so that a segment
/// gone with a merge takes its readers along.
/// </summary>
internal static class ReusedTerms
{
    /// <summary>Each reader with <see cref="LoadingIndexInput.ClonesFromDisk"/> as it was when the reader was handed out.</summary>
    [ThreadStatic]
    private static ConditionalWeakTable<AtomicReader, Dictionary<string, (TermsEnum? Terms, long Stamp)>>? t_readers;

    /// <summary>This thread's reader of <paramref name="field"/>'s terms in <paramref name="segment"/>; null when no document there has the field.</summary>
    /// <remarks>
    /// A reader clones the dictionary's file at its first seek, after it is handed out. If any clone was made from disk
    /// since then (the file's copy not loaded yet), this one may read from disk for good, and a new reader is made.
    /// </remarks>
    public static TermsEnum? Of(AtomicReader segment, string field)
    {
        var fields = (t_readers ??= new()).GetValue(segment, _ => []);
        var stamp = LoadingIndexInput.ClonesFromDisk;
        if (fields.TryGetValue(field, out var held) && held.Stamp == stamp)
            return held.Terms;
        var terms = segment.GetTerms(field)?.GetEnumerator();
        fields[field] = (terms, stamp);
        return terms;
    }
}
