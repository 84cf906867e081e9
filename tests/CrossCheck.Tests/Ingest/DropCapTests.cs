using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Ingest;

/// <summary>
/// A drop cap (a large initial set over three lines) is read back into its word whether the PDF draws it before its
/// paragraph or after everything else on the page (a real report does the latter); a large letter with no line beside
/// it stays a line of its own.
/// </summary>
public sealed class DropCapTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Load_ADropCap_IsReadIntoTheFirstWordOfItsParagraph(bool capDrawnLast)
    {
        var pdf = new TestPdf().NewPage();
        pdf.Text("CHAPTER ONE", 60, 780, 14, bold: true);
        if (!capDrawnLast)
        {
            pdf.Text("O", 60, 700, 40);
        }
        var body = pdf.Text("rganizations in the public and private sectors depend on", 94, 726);
        pdf.Text("information technology to carry out their missions and", 94, 713);
        pdf.Text("business functions, as the report sets out below.", 94, 700);
        pdf.Text("Risk assessment is one of the fundamental components.", 60, 687);
        if (capDrawnLast)
        {
            pdf.Text("O", 60, 700, 40);
        }
        Assert.True(body > 94);
        var document = Load(pdf);

        Assert.Contains("Organizations in the public and private sectors depend on", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nO\n", document.Text, StringComparison.Ordinal);
        using var corpus = new SourceCorpus([document]);
        Assert.Equal(QuoteMatch.Exact, new QuoteCheck(corpus).Check("Organizations in the public and private sectors depend on information technology").Match);
    }

    [Fact]
    public void Load_ALargeLetterWithNoLineBesideIt_StaysALineOfItsOwn()
    {
        var pdf = new TestPdf().NewPage();
        pdf.Lines(780, "The appendix below lists the scales.", "Each scale has five levels.");
        pdf.Text("B", 60, 600, 40);
        pdf.Lines(520, "rates are given per year in this table.");

        var document = Load(pdf);

        Assert.DoesNotContain("Brates", document.Text, StringComparison.Ordinal);
        Assert.Contains("rates are given per year", document.Text, StringComparison.Ordinal);
    }

    private Document Load(TestPdf pdf)
    {
        var path = _temp.File("capped.pdf");
        File.WriteAllBytes(path, pdf.Build());
        return new DocumentLoader().LoadSource(path, "S1");
    }

    public void Dispose() => _temp.Dispose();
}
