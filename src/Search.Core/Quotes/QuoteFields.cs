using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Search.Core.Index;

namespace Search.Core.Quotes;

/// <summary>
/// The fields the index carries for a document's quotations, beside <c>IndexFields</c>'s: the quotations
/// themselves, stored (what a hit and the document view show) as speaker, role and offsets, their text
/// read back from the stored body rather than stored twice; where they lie in the body
/// (<see cref="QuoteSpans"/>), which is how <c>in=quotes</c> searches them, through the body's own
/// words; and each named speaker twice, by key for the <c>speaker=</c> filter and the speakers listing
/// (one term a quotation, so the term's frequency in a document is its count of quotations there) and
/// by the name the document writes, as sorted-set doc values the speakers facet counts and names its
/// buckets from.
/// </summary>
internal static class QuoteFields
{
    /// <summary>
    /// Stored: the quotations as JSON without their text (<see cref="Read"/>). Also the field <c>in=quotes</c>
    /// searches, which the index does not hold: it is the body's words inside the quotations (<c>Retrieval/InQuotes</c>).
    /// </summary>
    public const string Text = "quotes";

    /// <summary>Binary doc value: where the quotations lie in the body (<see cref="QuoteSpans"/>).</summary>
    public const string Spans = "quotes.spans";

    /// <summary>The speaker's key (<see cref="SpeakerKeys"/>), indexed once a quotation, with frequencies, no norms.</summary>
    public const string Speaker = "speaker";

    /// <summary>Sorted-set doc values: each speaker's name as the document writes it.</summary>
    public const string SpeakerName = "speaker.name";

    /// <summary>Arabic written as itself: the default escaping (<c>\u0642</c>) tripled the stored size of every name and role.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A quotation as stored: its text is <c>body[Start..End]</c>.</summary>
    private sealed record Stored(string? Speaker, string? Role, int Start, int End);

    /// <summary>
    /// Adds a document's quotations to what the index writes for it; nothing when it has none. Its speaker keys
    /// are written through <paramref name="speakers"/>, the caller's one field for them, given each document's.
    /// </summary>
    public static void AddTo(Document document, IReadOnlyList<Quote> quotes, SpeakerKeysField speakers)
    {
        if (quotes.Count == 0)
            return;
        if (speakers.For(quotes) is { } keys)
            document.Add(keys);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var quote in quotes)
            if (quote.NamesSpeaker && names.Add(quote.Speaker!))
                document.Add(new SortedSetDocValuesField(SpeakerName, new BytesRef(quote.Speaker!)));
        document.Add(new BinaryDocValuesField(Spans, new BytesRef(QuoteSpans.ToBytes(quotes))));
        var stored = quotes.Select(q => new Stored(q.Speaker, q.Role, q.Start, q.End)).ToList();
        document.Add(new StoredField(Text, JsonSerializer.Serialize(stored, Json)));
    }

    /// <summary>The stored fields <see cref="Read"/> reads: the quotations and the body their text is taken from.</summary>
    public static readonly ISet<string> StoredFields = new HashSet<string> { Text, IndexFields.Body };

    /// <summary>The quotations stored with a document (read with its body); none for one without, or indexed before quotations were.</summary>
    public static IReadOnlyList<Quotation> Read(StoredRecord stored) => Read(stored.Quotes, stored.Record.Body);

    /// <summary>The quotations stored as <paramref name="json"/> (none when null), their texts cut from <paramref name="body"/>.</summary>
    public static IReadOnlyList<Quotation> Read(string? json, ReadOnlySpan<char> body)
    {
        if (json is null || JsonSerializer.Deserialize<List<Stored>>(json, Json) is not { Count: > 0 } stored)
            return [];
        var quotes = new List<Quotation>(stored.Count);
        foreach (var q in stored)
            quotes.Add(new Quotation(q.Speaker, q.Role, new string(body[q.Start..q.End]), q.Start, q.End));
        return quotes;
    }
}
