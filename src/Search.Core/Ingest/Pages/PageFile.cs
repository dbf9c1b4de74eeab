namespace Search.Core.Ingest.Pages;

/// <summary>A page as it arrives: its bytes and what is known of it besides.</summary>
/// <param name="Name">The file's name or relative path, for reports; its extension tells the kind when <paramref name="Kind"/> does not.</param>
/// <param name="Url">The page's address when the sender knows it; an address in the page itself wins.</param>
/// <param name="Charset">The charset the sender declares, used only when the bytes do not tell.</param>
/// <param name="Kind">Text or HTML when the sender says; else from the name, else from the content.</param>
/// <param name="Id">An id the sender chooses; else one is derived (<see cref="PageIds"/>).</param>
public sealed record PageFile(string Name, byte[] Content, string? Url = null, string? Charset = null, PageKind? Kind = null, string? Id = null);
