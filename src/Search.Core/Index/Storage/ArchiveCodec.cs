using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Search.Core.Index.Storage;

/// <summary>
/// The codec our generations are written with: Lucene 4.6's (the default), its stored fields compressed by
/// <see cref="Lz4Compression"/> in chunks of the same 16 KB. A segment records its codec's name, so one written
/// before (<c>Lucene46</c>) is still read with Lucene's own, and merged into this one.
/// </summary>
[CodecName("Archive46")]
internal sealed class ArchiveCodec() : FilterCodec(new Lucene46Codec())
{
    public static readonly ArchiveCodec Instance = new();

    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("ArchiveStoredFields", Lz4Compression.Instance, 1 << 14);

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    /// <summary>
    /// Lucene finds a segment's codec by the name it recorded, through one factory for the process: ours is
    /// added to it before any code of this assembly runs, so every index it opens, the tests' included, can
    /// read a segment written with it.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Lucene's codec registry is process-wide, and an index may be read before any type of ours is touched.")]
    internal static void Register() =>
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(ArchiveCodec)] });
}
