namespace Search.Core.Languages;

/// <summary>
/// A document's word that another document is its version in another language: the target is the
/// other version's id or its web address, and its language when the link says it.
/// </summary>
/// <param name="Lang">The other version's language code, or null when the link does not say.</param>
/// <param name="Target">An id, or an absolute http(s) address (<see cref="IsAddress"/>).</param>
public sealed record VersionLink(string? Lang, string Target)
{
    /// <summary>True when the target is a web address, to be matched with the documents' <c>url</c>; else it is an id.</summary>
    public bool IsAddress =>
        Uri.TryCreate(Target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
