using System.Text;
using Search.Core.Text.Dates;
using Search.Core.Ingest.Pages;
using static Search.Core.Tests.TestSupport.StatementPages;

namespace Search.Core.Tests.Ingest.Pages;

public class PageEncodingTests
{
    private static readonly Encoding Windows1256 = CodePagesEncodingProvider.Instance.GetEncoding(1256)!;

    public static TheoryData<string, string> Encodings() => new()
    {
        { "utf-8", "utf-8" },
        { "utf-8 with BOM", "utf-8" },
        { "utf-16le with BOM", "utf-16le" },
        { "utf-16be with BOM", "utf-16be" },
        { "utf-16le", "utf-16le" },
        { "utf-16be", "utf-16be" },
        { "windows-1256", "windows-1256" },
    };

    /// <summary>The page's text in the named encoding, with or without a byte-order mark.</summary>
    public static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8 with BOM" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)],
        "utf-16le with BOM" => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)],
        "utf-16be with BOM" => [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-16le" => Encoding.Unicode.GetBytes(text),
        "utf-16be" => Encoding.BigEndianUnicode.GetBytes(text),
        "windows-1256" => Windows1256.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decodes_each_encoding_arabic_sites_use_without_being_told(string encoding, string detected)
    {
        var decoded = PageEncoding.Decode(Encode(StatementText, encoding));

        // Windows-1256 has no Arabic-Indic digits: an encoder writes them as ASCII ones.
        Assert.Equal(encoding == "windows-1256" ? DateReader.FoldDigits(StatementText) : StatementText, decoded.Text);
        Assert.Equal(detected, decoded.Encoding);
    }

    [Fact]
    public void Uses_a_declared_arabic_charset_when_the_bytes_are_not_utf8()
    {
        var iso = CodePagesEncodingProvider.Instance.GetEncoding("iso-8859-6")!;

        var decoded = PageEncoding.Decode(iso.GetBytes("بيان الوزارة"), "iso-8859-6");

        Assert.Equal("بيان الوزارة", decoded.Text);
        Assert.Equal("iso-8859-6", decoded.Encoding);
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("windows-1252")]
    [InlineData("utf-8")]
    [InlineData("no-such-charset")]
    public void Falls_back_to_windows_1256_when_the_declared_charset_cannot_be_the_pages(string declared)
    {
        var decoded = PageEncoding.Decode(Windows1256.GetBytes("بيان الوزارة"), declared);

        Assert.Equal("بيان الوزارة", decoded.Text);
    }

    [Fact]
    public void Keeps_utf8_with_a_stray_bad_byte()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Title), 0xFF, .. Encoding.UTF8.GetBytes(FirstParagraph)];

        var decoded = PageEncoding.Decode(bytes);

        Assert.Equal("utf-8", decoded.Encoding);
        Assert.StartsWith(Title, decoded.Text);
    }

    [Theory]
    [InlineData("""<html><head><meta charset="windows-1256"></head>""", "windows-1256")]
    [InlineData("""<meta http-equiv="Content-Type" content="text/html; charset=Windows-1256" />""", "Windows-1256")]
    [InlineData("""<meta charset='iso-8859-6'>""", "iso-8859-6")]
    [InlineData("""<html><head><title>بلا ترميز</title></head>""", null)]
    public void Finds_the_charset_an_html_page_declares(string head, string? charset)
    {
        Assert.Equal(charset, PageEncoding.DeclaredInHtml(Encoding.ASCII.GetBytes(head)));
    }
}
