using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Search.Core.Retrieval;

/// <summary>
/// Where a page of results ended, for going deeper than page × size allows: the sort values of
/// the last hit (score or date, then the document id, which makes the order total). Opaque to
/// clients (base64url JSON). Since it names values rather than positions, a date-ordered walk
/// stays exact while documents are added or the index is rebuilt; a relevance-ordered one can
/// shift slightly then, as scores move with the collection's statistics.
/// </summary>
public sealed record SearchCursor(SortOrder Sort, double Key, string Id)
{
    public string Encode()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(Sort.ToString().ToLowerInvariant(), Key, Id));
        return Base64Url.EncodeToString(json);
    }

    public static bool TryDecode(string text, out SearchCursor cursor)
    {
        cursor = null!;
        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(text));
            if (payload?.I is null || payload.S is null || !payload.S.All(char.IsAsciiLetter)
                || !Enum.TryParse<SortOrder>(payload.S, ignoreCase: true, out var sort) || !double.IsFinite(payload.K))
                return false;
            cursor = new SearchCursor(sort, payload.K, payload.I);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The id as the collectors compare a match's with it (<see cref="Collecting.ColumnId"/>): its UTF-8 bytes.</summary>
    internal byte[] IdBytes() => System.Text.Encoding.UTF8.GetBytes(Id);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sort}:{Key}:{Id}");

    private sealed record Payload(string S, double K, string I);
}
