using System.Globalization;
using Microsoft.Net.Http.Headers;
using Search.Core.Following;

namespace Search.Api.Features.Feeds;

/// <summary>
/// Answers a feed so that readers poll cheaply: <c>ETag</c> (the hash of the document) and
/// <c>Last-Modified</c> (its newest entry), and 304 with neither body nor work for the client when
/// <c>If-None-Match</c> names the ETag or, without it, <c>If-Modified-Since</c> is not before the newest entry.
/// </summary>
public static class FeedResponse
{
    public static IResult Answer(HttpContext context, string title, string selfPathAndQuery, string pageQuery, IReadOnlyList<FeedEntry> entries)
    {
        var request = context.Request;
        var site = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var feed = AtomFeed.Write(title, site + selfPathAndQuery, $"{site}/{pageQuery}", site, entries);
        var etag = AtomFeed.ETagOf(feed);
        var newest = AtomFeed.Newest(entries);

        var headers = context.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(etag);
        if (newest is { } modified)
            headers.LastModified = modified;
        context.Response.Headers.CacheControl = "no-cache";

        if (NotModified(request, etag, newest))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(feed, AtomFeed.ContentType);
    }

    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset? newest)
    {
        var typed = request.GetTypedHeaders();
        if (request.Headers.IfNoneMatch.Count > 0)
            return typed.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
        // HTTP dates have whole seconds: compare at that precision.
        return typed.IfModifiedSince is { } since && newest is { } last
            && DateTimeOffset.FromUnixTimeSeconds(last.ToUnixTimeSeconds()) <= since;
    }

    /// <summary>A feed's size: 50 entries unless asked, at most 200.</summary>
    public static int? ReadSize(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return DefaultSize;
        if (int.TryParse(global::Search.Core.Text.Dates.DateReader.FoldDigits(text.Trim()), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxSize)
            return size;
        errors["size"] = [$"'{text}' is not a whole number from 1 to {MaxSize} (a feed has {DefaultSize} entries unless asked)."];
        return null;
    }

    public const int DefaultSize = 50;
    public const int MaxSize = 200;
}
