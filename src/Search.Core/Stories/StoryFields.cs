using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Search.Core.Stories;

/// <summary>
/// The fields the live index carries for stories, beside <c>IndexFields</c>'s: the fingerprint as a
/// binary doc value (how copies are found, <see cref="SegmentSamples"/>, and checked), and the story
/// key as a numeric doc value, which <c>IndexWriter.UpdateNumericDocValue</c> changes in place when a
/// story is joined or split, without indexing the document again.
/// </summary>
internal static class StoryFields
{
    /// <summary>Binary doc value: <see cref="StoryFingerprint.ToBytes"/>.</summary>
    public const string Fingerprint = "story.fp";

    /// <summary>Numeric doc value: the story key (<see cref="StoryKey"/>).</summary>
    public const string Key = "story";

    /// <summary>Adds the story fields of a document to what the index writes for it.</summary>
    public static void AddTo(Document document, StoryFingerprint fingerprint, long key)
    {
        document.Add(new BinaryDocValuesField(Fingerprint, new BytesRef(fingerprint.ToBytes())));
        document.Add(new NumericDocValuesField(Key, key));
    }
}
