using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Ingest;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Checks;

/// <summary>
/// A quote that stands verbatim at several places (the same table row in several tables) is located where the claim
/// says it stands, when the claim names a section that holds it; otherwise at its first place, as before.
/// </summary>
public sealed class RepeatedQuoteTests : IDisposable
{
    private const string Source =
        "# 1 Adversary capability\n\nThe scale rates the adversary.\n\nModerate 21-79 5 The adversary has moderate resources.\n\n" +
        "# 2 Threat likelihood\n\nThe scale rates each event.\n\nModerate 21-79 5 Adversary is somewhat likely to initiate the event.\n\n" +
        "# 3 Risk\n\nThe scale rates the risk.\n\nModerate 21-79 5 Moderate risk means a serious adverse effect.\n";

    private readonly TempFolder _temp = new();
    private readonly SourceCorpus _corpus;

    public RepeatedQuoteTests()
    {
        _corpus = new SourceCorpus([new DocumentLoader().LoadSource(_temp.Write("scales.md", Source), "S1")]);
    }

    [Fact]
    public void Check_AQuoteInTheSectionTheClaimNames_IsLocatedThere()
    {
        var r = new GroundingChecker(_corpus).Check(ClaimExtractor.Build("C1", "Section 3 rates a risk as \"Moderate 21-79 5\" on its scale.", []));

        var quote = Assert.Single(r.Quotes);
        Assert.Equal(QuoteMatch.Exact, quote.Match);
        Assert.Equal("3", quote.Location!.Section!.Number);
        Assert.Equal(Source.LastIndexOf("Moderate 21-79 5", StringComparison.Ordinal), quote.Location.Start);
        // The other two places are named with it.
        Assert.Equal(["1", "2"], quote.OtherPlaces.Select(p => p.Section!.Number));
    }

    [Fact]
    public void Check_AQuoteWithoutANamedPlace_IsLocatedAtItsFirstPlace()
    {
        var r = new GroundingChecker(_corpus).Check(ClaimExtractor.Build("C1", "The scales rate \"Moderate 21-79 5\" alike.", []));

        Assert.Equal("1", Assert.Single(r.Quotes).Location!.Section!.Number);
    }

    [Fact]
    public void Check_WhenTheNamedSectionDoesNotHoldTheQuote_ItIsStillFoundElsewhere()
    {
        var check = new QuoteCheck(_corpus);
        var section = _corpus.Sources[0].Sections.Single(s => s.Number == "2");

        var there = check.Check("Moderate 21-79 5 Adversary is somewhat", (_, at) => at >= section.Start && at < section.End);
        var nowhere = check.Check("Moderate 21-79 5 Moderate risk", (_, at) => at >= section.Start && at < section.End);

        Assert.Equal("2", there.Location!.Section!.Number);
        Assert.Equal(QuoteMatch.Exact, nowhere.Match);
        Assert.Equal("3", nowhere.Location!.Section!.Number);
    }

    public void Dispose()
    {
        _corpus.Dispose();
        _temp.Dispose();
    }
}
