using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CrossCheck.Tests.Ingest;

/// <summary>Builds test PDFs glyph run by glyph run, at exact places, so layout traps can be set on purpose.</summary>
internal sealed class TestPdf
{
    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfDocumentBuilder.AddedFont _font;
    private readonly PdfDocumentBuilder.AddedFont _bold;
    private PdfPageBuilder? _page;

    public TestPdf()
    {
        _font = _builder.AddStandard14Font(Standard14Font.Helvetica);
        _bold = _builder.AddStandard14Font(Standard14Font.HelveticaBold);
    }

    public TestPdf NewPage()
    {
        _page = _builder.AddPage(PageSize.A4);
        return this;
    }

    /// <summary>Text at (x, y) in points from the bottom left; returns the x where it ends.</summary>
    public double Text(string text, double x, double y, double size = 10, bool bold = false)
    {
        var letters = _page!.AddText(text, size, new PdfPoint(x, y), bold ? _bold : _font);
        return letters.Count == 0 ? x : letters[^1].EndBaseLine.X;
    }

    /// <summary>Each word placed on its own with <paramref name="gap"/> points between them and no space glyph, as tight justification does.</summary>
    public void Justified(string line, double x, double y, double gap, double size = 10)
    {
        foreach (var word in line.Split(' '))
        {
            x = Text(word, x, y, size) + gap;
        }
    }

    /// <summary>Lines of running text from the top of the body area down, 13 points apart; returns the next free baseline.</summary>
    public double Lines(double y, params string[] lines)
    {
        foreach (var line in lines)
        {
            Text(line, 60, y);
            y -= 13;
        }
        return y;
    }

    public byte[] Build() => _builder.Build();
}
