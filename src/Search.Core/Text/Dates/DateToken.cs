namespace Search.Core.Text.Dates;

internal enum DateTokenKind
{
    /// <summary>No token: what reading past the end gives.</summary>
    None,
    Number,
    Word,
    Symbol,
}

/// <summary>
/// One token of a text read for dates. <see cref="Text"/> is folded: ASCII digits for a number,
/// <see cref="ArabicLetters.Fold"/> for a word, one character for a symbol (dashes as '-', the
/// Arabic comma as ',').
/// </summary>
internal readonly record struct DateToken(DateTokenKind Kind, string Text)
{
    public bool IsNumber => Kind == DateTokenKind.Number;

    public bool IsWord(string folded) => Kind == DateTokenKind.Word && Text == folded;

    public bool IsSymbol(char c) => Kind == DateTokenKind.Symbol && Text[0] == c;

    /// <summary>The number's value, or -1 when it has more than four digits (no part of a date does).</summary>
    public int Value => IsNumber && Text.Length <= 4 ? int.Parse(Text, System.Globalization.CultureInfo.InvariantCulture) : -1;
}
