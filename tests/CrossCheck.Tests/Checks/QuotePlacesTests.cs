using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Running;
using CrossCheck.Runs;
using CrossCheck.Tests.Ingest;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Checks;

/// <summary>
/// A quote whose words stand at several places (a table row repeated in three tables) is located at one and the others
/// are reported with it: in the check's sentence, in claims.json's <c>also_at</c> and on the claim's page. A quote that
/// stands once, or whose other places are only page furniture, reports none.
/// </summary>
public sealed class QuotePlacesTests : IDisposable
{
    private const string Row = "Moderate 21-79 5";
    private readonly TempFolder _temp = new();

    [Fact]
    public void Check_AQuoteOnThreePages_IsLocatedAtTheFirst_AndNamesTheOtherTwoPages()
    {
        var pdf = new TestPdf();
        foreach (var caption in new[] { "Table 1 rates the adversary.", "Table 2 rates each threat event.", "Table 3 rates the risk." })
        {
            pdf.NewPage();
            pdf.Lines(780, caption, "Level Range Score", Row, "High 80-95 8");
        }
        using var corpus = Corpus(pdf);
        var check = new QuoteCheck(corpus);

        var repeated = check.Check(Row);
        var once = check.Check("Table 2 rates each threat event.");

        Assert.Equal(QuoteMatch.Exact, repeated.Match);
        Assert.Equal(1, repeated.Location!.Page);
        Assert.Equal([2, 3], repeated.OtherPlaces.Select(p => p.Page));
        Assert.All(repeated.OtherPlaces, p => Assert.Equal(Row, p.Text));
        Assert.Contains("also stand at 2 other places (scales.pdf pp. 2, 3)", repeated.Describe(), StringComparison.Ordinal);
        Assert.True(once.Verified);
        Assert.Empty(once.OtherPlaces);
        Assert.DoesNotContain("also stand", once.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AQuoteThatIsAlsoTheRunningHead_NamesNoOtherPlace()
    {
        const string title = "Guide for Conducting Risk Assessments";
        var pdf = new TestPdf();
        for (var page = 1; page <= 4; page++)
        {
            pdf.NewPage();
            pdf.Text(title, 72, 800, 8);
            pdf.Lines(700, page == 2 ? $"This report is the {title} that agencies follow." : $"Body text of page {page} about risk.", "More body text here.");
            pdf.Text($"Page {page}", 290, 40, 8);
        }
        using var corpus = Corpus(pdf);

        var result = new QuoteCheck(corpus).Check(title);

        // Located in the body of page 2, not in a running head; the four heads are furniture, not other places.
        Assert.True(result.Verified, result.Describe());
        Assert.Equal(2, result.Location!.Page);
        Assert.Contains($"{title} that agencies", corpus.Sources[0].Text[result.Location.Start..Math.Min(corpus.Sources[0].Text.Length, result.Location.End + 20)], StringComparison.Ordinal);
        Assert.Empty(result.OtherPlaces);
    }

    [Fact]
    public async Task Run_AQuoteFoundAtSeveralPlaces_ListsTheOthersInClaimsJsonAndOnTheClaimPage()
    {
        var source = _temp.Write("source.md",
            "# 1 Adversary\n\nThe scale reads low, then moderate 21-79 5 for the middle band.\n\n" +
            "# 2 Threat events\n\nThe scale reads low, then moderate 21-79 5 for the middle band.\n\n" +
            "# 3 Risk\n\nThe scale reads low, then moderate 21-79 5 for the middle band.\n");
        var essay = _temp.Write("essay.md", "# Essay\n\nThe guide's scale puts \"moderate 21-79 5\" in the middle band.\n");
        var options = new RunOptions { EssayPath = essay, SourcePaths = [source], OutputRoot = _temp.File("runs"), RunId = "repeated" };

        var run = await new CheckRunner(TimeProvider.System, new Random(7)).RunAsync(options, null, CancellationToken.None);

        using var claims = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Folder, "claims.json")));
        var quote = claims.RootElement.GetProperty("claims").EnumerateArray()
            .SelectMany(c => c.GetProperty("grounding").GetProperty("quotes").EnumerateArray()).Single();
        Assert.Equal("1 Adversary", quote.GetProperty("location").GetProperty("section").GetString());
        Assert.Equal(["2 Threat events", "3 Risk"], quote.GetProperty("also_at").EnumerateArray().Select(p => p.GetProperty("section").GetString()));
        var pages = Directory.EnumerateFiles(run.Folder, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText);
        Assert.Contains(pages, html => html.Contains("The same words also stand at 2 other places (source.md p. 1).", StringComparison.Ordinal));
    }

    private SourceCorpus Corpus(TestPdf pdf)
    {
        var path = _temp.File("scales.pdf");
        File.WriteAllBytes(path, pdf.Build());
        return new SourceCorpus([new DocumentLoader().LoadSource(path, "S1")]);
    }

    public void Dispose() => _temp.Dispose();
}
