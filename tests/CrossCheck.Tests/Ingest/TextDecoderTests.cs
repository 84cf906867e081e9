using System.Text;
using CrossCheck.Ingest;
using UglyToad.PdfPig.Writer;
using Xunit;

namespace CrossCheck.Tests.Ingest;

public sealed class TextDecoderTests
{
    private const string German = "Die Behörde prüfte 12 Fälle und fand „71,4 %“ — über größere Straßen.\n";
    private const string English = "The committee’s report “found” that 71.4% of cases — not all — were resolved.\n";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithoutAByteOrderMark_IsReadAsText(bool bigEndian)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(German + English);

        Assert.Equal(German + English, TextDecoder.Decode("essay.md", bytes, "essay"));
    }

    [Fact]
    public void BinaryBytes_AreStillRefused_WithTheRightArticle()
    {
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray();

        var error = Assert.Throws<InputException>(() => TextDecoder.Decode("essay.md", bytes, "essay"));
        Assert.Contains("not an essay in text form", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<InputException>(() => TextDecoder.Decode("s.txt", bytes, "source"));
        Assert.Contains("not a source in text form", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(German)]
    [InlineData(English)]
    [InlineData("Le café coûte 3 € et la crème brûlée était très appréciée.\n")]
    public void WindowsWesternText_IsNamedWindows1252_SoTheSuggestedConversionGivesTheRightText(string text)
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(text);

        var error = Assert.Throws<InputException>(() => TextDecoder.Decode("essay.md", bytes, "essay"));
        Assert.Contains("iconv -f windows-1252 -t utf-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CentralEuropeanText_KeepsItsOwnCodePage()
    {
        var text = string.Concat(Enumerable.Repeat("Příliš žluťoučký kůň úpěl ďábelské ódy. Šťastný řidič jel přes město. ", 6));
        var bytes = Encoding.GetEncoding(1250).GetBytes(text);

        var error = Assert.Throws<InputException>(() => TextDecoder.Decode("essay.md", bytes, "essay"));
        Assert.DoesNotContain("windows-1252", error.Message, StringComparison.Ordinal);
        Assert.Matches("1250|8859-2", TextDecoder.GuessLegacyEncoding(bytes));
    }

    [Fact]
    public void APdfWithNoPages_IsNotToldToRunOcr()
    {
        var folder = Directory.CreateTempSubdirectory("cc-zero-");
        try
        {
            var path = Path.Combine(folder.FullName, "empty.pdf");
            File.WriteAllBytes(path, new PdfDocumentBuilder().Build());

            var error = Assert.Throws<InputException>(() => new DocumentLoader().LoadSource(path, "S1"));
            Assert.Contains("has no pages", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("OCR", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
