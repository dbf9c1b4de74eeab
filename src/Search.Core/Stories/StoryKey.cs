using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Search.Core.Stories;

/// <summary>
/// A story's key: a 64-bit hash of the id of its first carrier (earliest date, undated last, then the
/// smallest id). It is a function of the story's documents only, the same after a reindex, on another
/// node and in any order of arrival, and it changes only when the first carrier does: a copy published
/// later joins without touching the documents already in the story. Shown as 16 hex digits.
/// </summary>
internal static class StoryKey
{
    /// <summary>The first carrier: earliest day, undated after every dated document, ties broken by id.</summary>
    public static StoryEntry FirstCarrier(IReadOnlyCollection<StoryEntry> members) =>
        members.OrderBy(m => m.Day ?? int.MaxValue).ThenBy(m => m.Id, StringComparer.Ordinal).First();

    public static long Of(IReadOnlyCollection<StoryEntry> members) => ForFirstCarrier(FirstCarrier(members).Id);

    /// <summary>Never 0, which a document without a story reads as.</summary>
    public static long ForFirstCarrier(string id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        var key = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(hash);
        return key == 0 ? 1 : key;
    }

    public static string Format(long key) => ((ulong)key).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Reads <see cref="Format"/>; false for anything else (bad input never throws).</summary>
    public static bool TryParse(string? text, out long key)
    {
        key = 0;
        if (text is not { Length: 16 } || !ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || value == 0)
            return false;
        key = (long)value;
        return true;
    }
}
