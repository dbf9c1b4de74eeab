using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Search.Core.Stories;

/// <summary>
/// The fields the live index carries for stories, beside <c>IndexFields</c>'s: each fingerprint sample
/// as a term (how copies are found), the fingerprint as a binary doc value (how they are checked),
/// and the story key as a numeric doc value, which <c>IndexWriter.UpdateNumericDocValue</c> changes in
/// place when a story is joined or split, without indexing the document again.
/// </summary>
internal static class StoryFields
{
    /// <summary>One term a sample (<see cref="StoryFingerprint.Term"/>), all in one unstored field; no norms, frequencies or positions.</summary>
    public const string Sample = "story.sample";

    private static readonly FieldType SampleType = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_ONLY,
    });

    /// <summary>Binary doc value: <see cref="StoryFingerprint.ToBytes"/>.</summary>
    public const string Fingerprint = "story.fp";

    /// <summary>Numeric doc value: the story key (<see cref="StoryKey"/>).</summary>
    public const string Key = "story";

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>Adds the story fields of a document to what the index writes for it.</summary>
    public static void AddTo(Document document, StoryFingerprint fingerprint, long key)
    {
        if (fingerprint.Count > 0)
            document.Add(new Field(Sample, new SampleTokenStream(fingerprint), SampleType));
        document.Add(new BinaryDocValuesField(Fingerprint, new BytesRef(fingerprint.ToBytes())));
        document.Add(new NumericDocValuesField(Key, key));
    }
}
