using CrossCheck.Checks;
using CrossCheck.Claims;

namespace CrossCheck.Tests.Checks;

public sealed class NumberCheckTests(CorpusFixture fixture) : IClassFixture<CorpusFixture>
{
    private NumberResult CheckFirstNumber(string claim)
    {
        var number = NumberExtractor.Extract(claim)[0];
        var evidence = fixture.Corpus.Index.Search(claim, 3).Select(h => h.Passage).ToArray();
        return NumberCheck.Check(number, claim, evidence);
    }

    [Theory]
    [InlineData("Halcyon-3 resolved 71.4% of repository-repair tasks.", "p. 2")]
    [InlineData("Batch inference became 427\u00D7 faster than the reference implementation.", "p. 2")]
    [InlineData("Batch inference became 427-fold faster than the reference implementation.", "p. 2")]
    [InlineData("The refusal rate was ~100% on the highest-severity category.", "p. 4")]
    [InlineData("The model refused 99.6 percent of clearly harmful requests.", "p. 4")]
    [InlineData("Each exercise took at least 40 expert-hours.", "p. 3")]
    [InlineData("Each exercise was run by a 16-person team.", "p. 3")]
    [InlineData("Chain-of-thought budgets beyond 16,000 tokens did not help.", "p. 2")]
    [InlineData("Halcyon-3 resolved 71% of repository-repair tasks.", "p. 2")]
    public void Check_WhenTheNumberIsInTheEvidence_IsFound(string claim, string page)
    {
        var r = CheckFirstNumber(claim);

        Assert.Equal(NumberMatch.Found, r.Match);
        Assert.Contains(page, r.Location!.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenADifferentNumberStandsInTheSameContext_IsAConflict()
    {
        var r = CheckFirstNumber("In capture-the-flag exercises the model solved 38% of the professional-level challenges.");

        Assert.Equal(NumberMatch.Conflict, r.Match);
        Assert.Equal("31%", r.SourceNumber);
    }

    [Fact]
    public void Check_WhenPrecisionWrittenIsHigherThanTheSource_IsNotFound()
    {
        var r = CheckFirstNumber("Halcyon-3 resolved 71.43% of repository-repair tasks.");

        Assert.NotEqual(NumberMatch.Found, r.Match);
    }

    [Fact]
    public void Matches_WhenTheClaimGivesAUnit_DoesNotAcceptABareNumber()
    {
        var claim = NumberExtractor.Extract("solved 430% of cases")[0];
        var bare = NumberExtractor.Extract("in trial 430 with 43% of cases")[0];
        var unitless = NumberExtractor.Extract("its score was 430.")[0];

        Assert.Equal("", bare.Unit);
        Assert.False(NumberCheck.Matches(claim, bare));
        Assert.True(NumberCheck.Matches(unitless, NumberExtractor.Extract("430% of cases")[0]));
        Assert.True(NumberCheck.Matches(NumberExtractor.Extract("12 models passed")[0], NumberExtractor.Extract("12 of the models")[0]));
    }

    [Fact]
    public void Check_WhenNoNumberOfThatKindIsNear_IsNotFound()
    {
        var r = CheckFirstNumber("The model was trained on 40 trillion tokens of web data.");

        Assert.Equal(NumberMatch.NotFound, r.Match);
    }
}
