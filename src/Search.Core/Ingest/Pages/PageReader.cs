using System.Diagnostics;
using Search.Core.Languages;

namespace Search.Core.Ingest.Pages;

/// <summary>What came of reading one page: a document, or why there is none.</summary>
/// <param name="Encoding">The encoding the page was read in; null when it was refused unread.</param>
internal sealed record PageReading(DocumentRecord? Document, string? Refusal, string? Encoding);

/// <summary>
/// Turns a page file (text or HTML, in any of the encodings Arabic sites use) into a document:
/// decodes it (<see cref="PageEncoding"/>), reads it (<see cref="TextPageReader"/>,
/// <see cref="HtmlPageReader"/>), gives it a stable id (<see cref="PageIds"/>) and checks it
/// against the document limits. A page without a readable date is kept, undated. A page larger than
/// <see cref="PageLimits.MaxBytes"/> is refused unread, and one whose reading outlasts
/// <see cref="PageLimits.ReadBudget"/> is refused with that reason.
/// </summary>
internal sealed class PageReader(DocumentLimits limits, PageLimits pageLimits)
{
    public PageReader() : this(DocumentLimits.Default, PageLimits.Default) { }

    /// <summary>True for the names of pages: <c>.txt</c>, <c>.html</c> and <c>.htm</c> files.</summary>
    public static bool IsPage(string name) => KindOf(name) is not null;

    public static PageKind? KindOf(string name) =>
        name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? PageKind.Text
        : name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) ? PageKind.Html
        : null;

    /// <summary>Reads the page; stops when <paramref name="cancellationToken"/> is (the caller left).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public PageReading Read(PageFile page, CancellationToken cancellationToken = default)
    {
        if (pageLimits.TooLarge(page.Content.Length) is { } tooLarge)
            return new PageReading(null, tooLarge, null);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(pageLimits.ReadBudget);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var reading = ReadWithin(page, budget.Token);
            // The timer stops the work early, but its callback waits for a free pool thread: on a busy
            // machine a page can finish reading well past its budget before it fires. The clock decides.
            return Stopwatch.GetElapsedTime(started) > pageLimits.ReadBudget ? OverBudget() : reading;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return OverBudget();
        }
    }

    private PageReading OverBudget() =>
        new(null, $"reading the page took longer than {pageLimits.ReadBudget.TotalSeconds:0.#} s (its markup is too costly to read)", null);

    private PageReading ReadWithin(PageFile page, CancellationToken cancellationToken)
    {
        var kind = page.Kind ?? KindOf(page.Name);
        var declared = page.Charset ?? (kind == PageKind.Text ? null : PageEncoding.DeclaredInHtml(page.Content));
        var decoded = PageEncoding.Decode(page.Content, declared);
        kind ??= LooksLikeHtml(decoded.Text) ? PageKind.Html : PageKind.Text;
        if (PageGuards.NotText(decoded.Text) is { } binary)
            return new PageReading(null, binary, decoded.Encoding);
        if (kind == PageKind.Html && PageGuards.TooDeep(decoded.Text) is { } deep)
            return new PageReading(null, deep, decoded.Encoding);
        cancellationToken.ThrowIfCancellationRequested();
        var content = kind == PageKind.Html ? HtmlPageReader.Read(decoded.Text, page.Url, cancellationToken) : TextPageReader.Read(decoded.Text);

        var refusal = Check(content);
        if (refusal is not null)
            return new PageReading(null, refusal, decoded.Encoding);
        var url = content.Url ?? page.Url;
        var id = page.Id?.Trim() is { Length: > 0 } given ? given
            : url is not null ? PageIds.FromUrl(url)
            : PageIds.FromContent(content.Title, content.Date, content.Body);
        if (id.Length > limits.MaxIdLength || id.Any(char.IsControl))
            return new PageReading(null, $"the id '{id}' is longer than {limits.MaxIdLength} characters or holds control characters", decoded.Encoding);
        var source = content.Source.Length > 0 ? content.Source : HostOf(url) ?? "";
        return new PageReading(
            new DocumentRecord(id, content.Title, content.Date, content.Body, source, DocumentLanguage.ForPage(content.Lang, content.Title, content.Body), null, url)
            {
                Translations = content.Versions ?? [],
            },
            null,
            decoded.Encoding);
    }

    private string? Check(PageContent content)
    {
        if (string.IsNullOrWhiteSpace(content.Body))
            return "no article text was found in the page";
        if (content.Body.Length > limits.MaxBodyChars)
            return $"the article text is longer than the limit of {limits.MaxBodyChars} characters";
        if (content.Title.Length > limits.MaxTitleChars)
            return $"the title is longer than the limit of {limits.MaxTitleChars} characters";
        if (content.Source.Length > limits.MaxSourceChars)
            return $"the publisher's name is longer than the limit of {limits.MaxSourceChars} characters";
        if (content.Url is { Length: > 4_096 })
            return "the page's address is longer than 4096 characters";
        return null;
    }

    /// <summary>The site's host without <c>www.</c>: the publisher when the page names none.</summary>
    private static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host).ToLowerInvariant()
            : null;

    private static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        return head.StartsWith("<") && (head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<p", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<div", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase));
    }
}
