using CrossCheck.Ingest;
using UglyToad.PdfPig;

namespace CrossCheck.Tests.Ingest;

/// <summary>The line reader decides a font's weight once per font: a line that goes from bold to regular and back counts each letter by its own font.</summary>
public sealed class PdfLineReaderTests
{
    [Fact]
    public void Read_LineSwitchingFonts_CountsEachLettersOwnWeight()
    {
        var pdf = new TestPdf().NewPage();
        var x = pdf.Text("Bold", 60, 700, 10, bold: true);
        x = pdf.Text("plain", x + 5, 700, 10);
        pdf.Text("Again", x + 5, 700, 10, bold: true);
        pdf.Text("only regular here", 60, 650, 10);
        pdf.Text("ALL BOLD", 60, 600, 10, bold: true);
        using var document = PdfDocument.Open(pdf.Build());

        var lines = PdfLineReader.Read(document.GetPage(1), out var visible);

        Assert.Equal(["Bold plain Again", "only regular here", "ALL BOLD"], lines.Select(l => l.Text));
        Assert.Equal(9 / 14.0, lines[0].BoldShare, 6);
        Assert.Equal(0, lines[1].BoldShare);
        Assert.Equal(1, lines[2].BoldShare);
        Assert.Equal(14 + 15 + 7, visible);
    }
}
