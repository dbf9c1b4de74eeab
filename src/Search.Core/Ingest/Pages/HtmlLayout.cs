using AngleSharp.Dom;

namespace Search.Core.Ingest.Pages;

/// <summary>
/// Where the article is in an HTML page, judged by text weight: the characters of text outside
/// links (menus and lists of other pages are links), scripts and page chrome. The article is
/// <c>[itemprop=articleBody]</c> or an <c>article</c> when one holds half the page's weight;
/// otherwise the smallest element, going down from <c>main</c> or <c>body</c>, that still holds
/// most of it. An element that looks like chrome but holds the article (a <c>form</c> around
/// everything, a "print-area" around the article) is not chrome.
/// </summary>
internal sealed class HtmlLayout
{
    private const double ChromeMaxShare = 0.5;
    private const double WholePageShare = 0.8;
    private const double ArticleMinShare = 0.5;
    private const double DescendShare = 0.7;

    private readonly Dictionary<IElement, int> _weights = [];
    private readonly HashSet<IElement> _chrome = [];

    public HtmlLayout(IDocument document)
    {
        var body = document.Body ?? document.DocumentElement;
        var pageWeight = Weigh(body, countChrome: true);
        MarkChrome(body, pageWeight);
        _weights.Clear();
        Weigh(body, countChrome: false);
        Root = FindRoot(document, body);
    }

    /// <summary>The element holding the article.</summary>
    public IElement Root { get; }

    /// <summary>True for code and chrome, which the article's text leaves out.</summary>
    public bool IsLeftOut(IElement element) => HtmlChrome.IsCode(element) || _chrome.Contains(element);

    /// <summary>True when the element or one of its ancestors is left out.</summary>
    public bool IsInChrome(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
            if (IsLeftOut(e))
                return true;
        return false;
    }

    private IElement FindRoot(IDocument document, IElement body)
    {
        var total = Weight(body);
        foreach (var selector in (string[])["[itemprop=articleBody]", "article"])
        {
            var best = document.QuerySelectorAll(selector).Where(e => !IsInChrome(e)).MaxBy(Weight);
            if (best is not null && Weight(best) >= total * ArticleMinShare)
                return best;
        }
        var main = document.QuerySelectorAll("main, [role=main]").Where(e => !IsInChrome(e)).MaxBy(Weight);
        var node = main is not null && Weight(main) >= total * ArticleMinShare ? main : body;
        while (node.Children.Where(c => !IsLeftOut(c)).MaxBy(Weight) is { } heaviest && Weight(heaviest) >= Weight(node) * DescendShare)
            node = heaviest;
        return node;
    }

    private int Weight(IElement element) => _weights.GetValueOrDefault(element);

    private int Weigh(IElement element, bool countChrome, bool inLink = false)
    {
        if (HtmlChrome.IsCode(element) || (!countChrome && _chrome.Contains(element)))
            return 0;
        inLink |= element.LocalName == "a";
        var weight = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement childElement)
                weight += Weigh(childElement, countChrome, inLink);
            else if (child.NodeType == NodeType.Text && !inLink)
                weight += child.TextContent.AsSpan().Trim().Length;
        }
        _weights[element] = weight;
        return weight;
    }

    private void MarkChrome(IElement element, int pageWeight)
    {
        if (HtmlChrome.IsChrome(element) && !HoldsTheArticle(element, pageWeight))
        {
            _chrome.Add(element);
            return;
        }
        foreach (var child in element.Children)
            MarkChrome(child, pageWeight);
    }

    /// <summary>
    /// An element that looks like chrome but holds the article: most of the page's text and its
    /// <c>h1</c>, or nearly all the page's text. A long comment thread holds much text but no <c>h1</c>.
    /// </summary>
    private bool HoldsTheArticle(IElement element, int pageWeight) =>
        Weight(element) >= pageWeight * WholePageShare
        || (Weight(element) >= pageWeight * ChromeMaxShare && element.QuerySelector("h1") is not null);
}
