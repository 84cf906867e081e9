using CrossCheck.Checks;

namespace CrossCheck.Tests.Checks;

public sealed class SectionCheckTests(CorpusFixture fixture) : IClassFixture<CorpusFixture>
{
    private SourceLocation LocationOf(string text)
    {
        var source = fixture.Corpus.Sources[0];
        var at = source.Text.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0);
        return new SourceLocation(source, at, at + text.Length);
    }

    [Fact]
    public void Check_WhenSectionExistsAndHoldsTheEvidence_Holds()
    {
        var r = SectionCheck.Check("3.2", fixture.Corpus, LocationOf("16-person team"));

        Assert.Equal(SectionMatch.Holds, r.Match);
        Assert.Equal("Evaluation infrastructure", r.Section!.Title);
    }

    [Fact]
    public void Check_WhenEvidenceIsInAnotherSection_IsElsewhere()
    {
        var r = SectionCheck.Check("2.1", fixture.Corpus, LocationOf("16-person team"));

        Assert.Equal(SectionMatch.Elsewhere, r.Match);
    }

    [Fact]
    public void Check_WhenNoSourceHasTheSection_IsMissing()
    {
        var r = SectionCheck.Check("9.4", fixture.Corpus, LocationOf("16-person team"));

        Assert.Equal(SectionMatch.Missing, r.Match);
    }

    [Fact]
    public void GroundingChecker_WhenClaimCitesTheWrongSection_IsPartiallySupported()
    {
        var claim = CrossCheck.Claims.ClaimExtractor.Build("C1", "According to Section 2.1, each red-team exercise was run by a 16-person team.", []);

        var result = new GroundingChecker(fixture.Corpus).Check(claim);

        Assert.Equal(Verdict.PartiallySupported, result.Verdict);
        Assert.Contains(result.Reasons, r => r.Contains("section 2.1", StringComparison.Ordinal) && r.Contains("exists, but", StringComparison.Ordinal));
    }
}
