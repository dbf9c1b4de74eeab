namespace Search.Core.Ingest.Pages;

/// <summary>
/// How deep the HTML parser's stack of open elements grows on a page, found by building that stack the
/// way the parser does (the WHATWG tree construction, in the parts that decide its height), without
/// building the tree. Each start tag of an element that is not void opens one, <c>/&gt;</c> or not:
/// HTML ignores the slash outside SVG and MathML, so 30,000 <c>&lt;div/&gt;</c> nest 30,000 deep. An
/// end tag closes its element and what it holds, unless a boundary (a table, a cell; for inline
/// elements any block) lies between; a new paragraph, list item, cell or row closes the open one.
/// Comments, doctypes and the text of scripts and styles open nothing. The parser walks this stack for
/// scope checks, so its time per tag grows with the depth: 30,000 <c>&lt;div/&gt;</c> took 38 s of CPU,
/// 8,000 took 0.85 s, while 4,000 unclosed <c>&lt;font&gt;</c> in a row took 0.35 s and unclosed
/// <c>&lt;font&gt;</c> inside paragraphs nest no deeper than their paragraph.
/// </summary>
internal sealed class HtmlNesting
{
    private static readonly HashSet<string> Void =
        ["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"];

    /// <summary>Elements whose content is text up to their end tag: nothing inside them opens an element.</summary>
    private static readonly HashSet<string> RawText = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

    /// <summary>Start tags that close an open paragraph first.</summary>
    private static readonly HashSet<string> ClosesParagraph =
    [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "listing", "main", "menu", "nav", "ol", "p", "pre",
        "search", "section", "summary", "table", "ul",
    ];

    /// <summary>Where a scope ends: an end tag does not close past these.</summary>
    private static readonly HashSet<string> Boundaries = ["applet", "caption", "html", "marquee", "object", "table", "td", "template", "th"];

    /// <summary>Blocks and other "special" elements: the end tag of an inline element does not close past them.</summary>
    private static readonly HashSet<string> Special =
    [
        "address", "applet", "article", "aside", "blockquote", "body", "button", "caption", "center", "colgroup", "dd", "details", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hgroup", "html", "li", "listing", "main", "marquee", "menu", "nav", "object", "ol", "p", "pre", "search", "section",
        "select", "summary", "table", "tbody", "td", "template", "tfoot", "th", "thead", "tr", "ul",
    ];

    /// <summary>
    /// Start tags that close an open element of their own kind first (a list item after a list item, a
    /// cell after a cell), unless a container of their own (a nested list, a nested table) lies between.
    /// </summary>
    private static readonly Dictionary<string, (string[] Kinds, string[] Containers)> ClosesOwnKind = new()
    {
        ["li"] = (["li"], ["ul", "ol", "menu", "dir"]),
        ["dd"] = (["dd", "dt"], ["dl"]),
        ["dt"] = (["dd", "dt"], ["dl"]),
        ["td"] = (["td", "th"], ["table"]),
        ["th"] = (["td", "th"], ["table"]),
        ["tr"] = (["tr"], ["table"]),
        ["tbody"] = (["tbody", "thead", "tfoot"], ["table"]),
        ["thead"] = (["tbody", "thead", "tfoot"], ["table"]),
        ["tfoot"] = (["tbody", "thead", "tfoot"], ["table"]),
        ["button"] = (["button"], []),
        ["option"] = (["option"], ["select", "optgroup"]),
        ["optgroup"] = (["optgroup", "option"], ["select"]),
    };

    private readonly List<string> _open = [];
    private readonly Dictionary<string, List<int>> _positions = [];
    private readonly List<int> _boundaries = [];
    private readonly List<int> _specials = [];
    private int _foreign;

    private HtmlNesting()
    {
    }

    /// <summary>The greatest depth the page's markup reaches, or the first depth past <paramref name="limit"/> (reading stops there).</summary>
    public static int Deepest(string html, int limit)
    {
        var nesting = new HtmlNesting();
        var deepest = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!' || next == '?' || (next == '/' && (i + 2 >= html.Length || !char.IsAsciiLetter(html[i + 2]))))
            {
                i = SkipMarkupDeclaration(html, i);
                continue;
            }
            var closing = next == '/';
            var start = closing ? i + 2 : i + 1;
            if (!char.IsAsciiLetter(html[start]))
            {
                i++;
                continue;
            }
            var end = start;
            while (end < html.Length && !char.IsWhiteSpace(html[end]) && html[end] is not ('/' or '>'))
                end++;
            var name = html[start..end].ToLowerInvariant();
            var (tagEnd, selfClosing) = TagEnd(html, end);
            if (closing)
                nesting.Close(name);
            else if (name == "plaintext")
                return Math.Max(deepest, nesting._open.Count + 1);
            else if (RawText.Contains(name))
            {
                var close = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }
            else
                nesting.Open(name, selfClosing);
            deepest = Math.Max(deepest, nesting._open.Count);
            if (deepest > limit)
                return deepest;
            i = tagEnd;
        }
        return deepest;
    }

    private void Open(string name, bool selfClosing)
    {
        if (ClosesParagraph.Contains(name) && InScope("p", alsoBoundedBy: "button"))
            PopTo(Top("p"));
        if (name is ['h', >= '1' and <= '6'] && _open.Count > 0 && _open[^1] is ['h', >= '1' and <= '6'])
            Pop();
        if (ClosesOwnKind.TryGetValue(name, out var own))
        {
            var open = own.Kinds.Max(Top);
            if (open >= 0 && open > Math.Max(TopBoundaryBelow(open), own.Containers.Select(Top).DefaultIfEmpty(-1).Max()))
                PopTo(open);
        }
        // A link in a link (or nobr in nobr) closes the first, unless a block lies between: then the
        // parser takes the first out of the stack, which leaves its height as it was.
        if (name is "a" or "nobr" && Top(name) is var inline and >= 0 && inline > TopSpecial())
            PopTo(inline);
        if (Void.Contains(name) || (selfClosing && _foreign > 0) || (name == "form" && Top("form") >= 0))
            return;
        Push(name);
    }

    private void Close(string name)
    {
        var at = Top(name);
        if (at < 0 || name is "html" or "body")
            return;
        if (Special.Contains(name))
        {
            if (at >= TopBoundaryBelow(at))
                PopTo(at);
        }
        else if (at > TopSpecial())
            PopTo(at);
        // Otherwise a block lies between: the parser ignores the end tag, or (for a formatting element)
        // takes the element out from under the block, which leaves the stack as high: counted as open.
    }

    private int TopSpecial() => _specials.Count > 0 ? _specials[^1] : -1;

    /// <summary>The element is open with no scope boundary (or <paramref name="alsoBoundedBy"/>) above it.</summary>
    private bool InScope(string name, string alsoBoundedBy)
    {
        var at = Top(name);
        return at >= 0 && at > Math.Max(TopBoundaryBelow(_open.Count), Top(alsoBoundedBy));
    }

    /// <summary>The highest scope boundary at or under the top of the stack, other than the element at <paramref name="position"/> itself.</summary>
    private int TopBoundaryBelow(int position)
    {
        for (var i = _boundaries.Count - 1; i >= 0; i--)
            if (_boundaries[i] != position)
                return _boundaries[i];
        return -1;
    }

    private int Top(string name) => _positions.TryGetValue(name, out var positions) && positions.Count > 0 ? positions[^1] : -1;

    private void Push(string name)
    {
        var position = _open.Count;
        _open.Add(name);
        if (!_positions.TryGetValue(name, out var positions))
            _positions[name] = positions = [];
        positions.Add(position);
        if (Boundaries.Contains(name))
            _boundaries.Add(position);
        if (Special.Contains(name))
            _specials.Add(position);
        if (name is "svg" or "math")
            _foreign++;
    }

    private void Pop()
    {
        var position = _open.Count - 1;
        var name = _open[position];
        _open.RemoveAt(position);
        _positions[name].RemoveAt(_positions[name].Count - 1);
        if (_boundaries.Count > 0 && _boundaries[^1] == position)
            _boundaries.RemoveAt(_boundaries.Count - 1);
        if (_specials.Count > 0 && _specials[^1] == position)
            _specials.RemoveAt(_specials.Count - 1);
        if (name is "svg" or "math")
            _foreign--;
    }

    /// <summary>Closes the element at <paramref name="position"/> and everything opened inside it.</summary>
    private void PopTo(int position)
    {
        while (_open.Count > position)
            Pop();
    }

    /// <summary>Where a tag that started its attributes at <paramref name="from"/> ends (after its '&gt;'), quoted values skipped; and whether it ends in '/&gt;'.</summary>
    private static (int End, bool SelfClosing) TagEnd(string html, int from)
    {
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (c is '"' or '\'')
            {
                var close = html.IndexOf(c, i + 1);
                if (close < 0)
                    return (html.Length, false);
                i = close;
            }
            else if (c == '>')
                return (i + 1, i > from && html[i - 1] == '/');
        }
        return (html.Length, false);
    }

    /// <summary>Past a comment, doctype, processing instruction or bogus end tag starting at <paramref name="at"/>.</summary>
    private static int SkipMarkupDeclaration(string html, int at)
    {
        if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }
        var close = html.IndexOf('>', at + 1);
        return close < 0 ? html.Length : close + 1;
    }
}
