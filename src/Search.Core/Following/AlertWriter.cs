using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Search.Core.Archive;
using Search.Core.Retrieval;

namespace Search.Core.Following;

/// <summary>
/// Writes what an alert says when it is first sent: the title, date, source, address and snippet of each
/// document matching found, read from the index as it is then (a document deleted meanwhile is left out,
/// and an alert left with none is dropped, having nothing to tell). Matching records ids only, because a
/// document that six saved searches match was read and its body decompressed six times: three quarters of
/// matching's time. What is written is kept in the outbox, so every attempt sends the same body. A
/// document the archive holds but the index does not show yet (after a restart, the index catches up from
/// its last commit) holds its alert back until it does, rather than leaving the document out.
/// </summary>
internal sealed class AlertWriter(DocumentArchive archive, FollowingStore store, AlertWriter.DescribeAll describe)
{
    /// <summary>The documents of each request as its search's hits, with their snippets, in the order given (those gone left out).</summary>
    public delegate IReadOnlyList<IReadOnlyList<Hit>> DescribeAll(IReadOnlyList<(SearchRequest Request, IReadOnlyList<string> Ids)> wanted);

    /// <summary>Arabic written as it is (not <c>\u0642</c> escapes, six times the bytes): the outbox and the webhook's body carry it as is.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The due alerts ready to send: those never sent get their documents written first.</summary>
    public IReadOnlyList<PendingAlert> Ready(IReadOnlyList<DueAlert> due)
    {
        var unwritten = due.Where(d => d.Ids is not null).ToList();
        if (unwritten.Count == 0)
            return due.Select(d => d.Alert).ToList();

        var hits = describe(unwritten.Select(d => (d.Query.ToRequest() with { Collapse = false }, d.Ids!)).ToList());
        // The index gives each document's address with its snippet; only the ids it does not show are asked of the
        // archive (deleted, or not indexed yet after a restart).
        var missing = unwritten.SelectMany((d, i) => d.Ids!.Except(hits[i].Select(hit => hit.Id), StringComparer.Ordinal)).Distinct().ToList();
        var heldButNotShown = missing.Count == 0 ? [] : archive.GetMany(missing).Keys.ToHashSet(StringComparer.Ordinal);
        var written = new Dictionary<long, PendingAlert?>();
        for (var i = 0; i < unwritten.Count; i++)
        {
            var alert = unwritten[i].Alert;
            if (unwritten[i].Ids!.Any(heldButNotShown.Contains))
            {
                // Held by the archive but not in the index: after a restart the index is still catching up. Later.
                written[alert.Id] = null;
                continue;
            }
            if (hits[i].Count == 0)
            {
                store.Drop(alert.Id);
                written[alert.Id] = null;
                continue;
            }
            var documents = JsonSerializer.Serialize(hits[i].Select(hit => new AlertDocument(hit.Id, hit.Title,
                hit.Date?.ToString(DocumentRecord.IsoDateFormat, CultureInfo.InvariantCulture), hit.Source,
                hit.Url, PlainText.OfSnippet(hit.Snippet))).ToList(), Json);
            store.Describe(alert.Id, documents);
            written[alert.Id] = alert with { Documents = documents };
        }
        return due.Select(d => written.TryGetValue(d.Alert.Id, out var alert) ? alert : d.Alert).OfType<PendingAlert>().ToList();
    }
}
