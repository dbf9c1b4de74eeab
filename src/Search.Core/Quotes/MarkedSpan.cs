namespace Search.Core.Quotes;

/// <summary>Text between quotation marks, by token: the opening mark, the closing one (or the paragraph's end when the mark is never closed), and how many words lie between.</summary>
internal readonly record struct MarkedSpan(int Open, int Close, int Words, bool Closed)
{
    /// <summary>A few words that name something (<c>صحيفة «الوئام»</c>, <c>عملية "درع الفرات"</c>) rather than quote someone.</summary>
    public bool IsShort => Words <= 3;
}
