using CrossCheck.Checks;
using CrossCheck.Evidence;
using CrossCheck.Ingest;
using CrossCheck.Panel;
using CrossCheck.Tests.Ingest;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Checks;

/// <summary>
/// A model's quote that stands verbatim on several pages (the same table row in three tables) is located where the
/// model pointed: the cited page, or the cited passage; without either, at its first place as before.
/// </summary>
public sealed class RepeatedCitationTests : IDisposable
{
    private const string Row = "Moderate 21-79 5";
    private readonly TempFolder _temp = new();
    private readonly SourceCorpus _corpus;

    public RepeatedCitationTests()
    {
        var pdf = new TestPdf();
        string[] captions = ["Table 1 rates the adversary.", "Table 2 rates each threat event.", "Table 3 rates the risk."];
        foreach (var caption in captions)
        {
            pdf.NewPage();
            pdf.Lines(780, caption, "Level Range Score", Row, "High 80-95 8");
        }
        var path = _temp.File("scales.pdf");
        File.WriteAllBytes(path, pdf.Build());
        _corpus = new SourceCorpus([new DocumentLoader().LoadSource(path, "S1")]);
    }

    private CitationChecker Checker => new(new QuoteCheck(_corpus));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Check_ARepeatedQuoteWithACitedPage_IsFoundOnThatPage(int page)
    {
        var c = Checker.Check(new Citation(null, page, Row), null);

        Assert.True(c.Verified, c.Describe());
        Assert.Equal(page, c.FoundPage);
    }

    [Fact]
    public void Check_ARepeatedQuoteWithACitedPassage_IsFoundInThatPassage()
    {
        var third = _corpus.Passages.First(p => p.Page == 3 && p.Text.Contains(Row, StringComparison.Ordinal));
        var first = _corpus.Passages.First(p => p.Page == 1);

        var c = Checker.Check(new Citation("E2", null, Row), [first, third]);

        Assert.True(c.Verified, c.Describe());
        Assert.Equal(3, c.FoundPage);
    }

    [Fact]
    public void Check_ARepeatedQuoteWithoutAPlace_IsFoundAtItsFirstPlace_AndACitedPageWithoutItSaysWhere()
    {
        Assert.Equal(1, Checker.Check(new Citation(null, null, Row), null).FoundPage);

        var elsewhere = Checker.Check(new Citation(null, 4, Row), null);
        Assert.False(elsewhere.Verified);
        Assert.Contains("not on the cited page 4", elsewhere.Describe(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _corpus.Dispose();
        _temp.Dispose();
    }
}
