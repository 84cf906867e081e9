using System.Text;
using CrossCheck.Ingest;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Ingest;

public sealed class DocumentLoaderTests
{
    [Fact]
    public void LoadSource_Pdf_KeepsPageNumbersAndHashesTheFile()
    {
        using var temp = new TempFolder();
        var (_, pdf) = SampleGenerator.Write(temp.Path);

        var doc = new DocumentLoader().LoadSource(pdf, "S1");

        Assert.Equal(SampleSource.Pages.Count, doc.Pages.Count);
        Assert.Equal(4, doc.PageAt(doc.Text.IndexOf("99.6%", StringComparison.Ordinal)));
        Assert.Equal(64, doc.Sha256.Length);
        Assert.Contains("evaluation method that is both rigorous", doc.Normalized.Text, StringComparison.Ordinal);
        // The word hyphenated across a line end in the PDF is joined for matching.
        Assert.Contains("the safety evaluations in this card", doc.Normalized.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadSource_Html_DropsScriptsAndKeepsHeadingsAsSections()
    {
        using var temp = new TempFolder();
        var html = temp.Write("s.html", "<html><head><title>x</title><script>var a = 'hidden';</script></head><body><h2>2.1 Results</h2><p>The model scored <b>12%</b> on&nbsp;the test.</p></body></html>");

        var doc = new DocumentLoader().LoadSource(html, "S1");

        Assert.DoesNotContain("hidden", doc.Text, StringComparison.Ordinal);
        Assert.Contains("the model scored 12% on the test.", doc.Normalized.Text, StringComparison.Ordinal);
        Assert.Equal("2.1", Assert.Single(doc.Sections).Number);
    }

    [Fact]
    public void LoadEssay_Utf8WithByteOrderMark_IsRead()
    {
        using var temp = new TempFolder();
        var path = temp.Write("e.md", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Caf\u00E9 text here.")]);

        var doc = new DocumentLoader().LoadEssay(path);

        Assert.Equal("Caf\u00E9 text here.", doc.Text);
    }
}
