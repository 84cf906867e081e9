using CrossCheck.Checks;

namespace CrossCheck.Tests.Checks;

public sealed class QuoteCheckTests(CorpusFixture fixture) : IClassFixture<CorpusFixture>
{
    private QuoteResult Check(string quote) => new QuoteCheck(fixture.Corpus).Check(quote);

    [Fact]
    public void Check_WhenQuoteIsVerbatim_IsExactWithPageAndSection()
    {
        var r = Check("Transcripts were reviewed by two independent graders.");

        Assert.Equal(QuoteMatch.Exact, r.Match);
        Assert.Equal(3, r.Location!.Page);
        Assert.Equal("3.2", r.Location.Section!.Number);
    }

    [Fact]
    public void Check_WhenQuoteUsesStraightQuotesAndOtherCase_IsNormalised()
    {
        // The source has a curly apostrophe in "don’t"; the essay a straight one.
        var r = Check("We don't have an alternative evaluation method");

        Assert.Equal(QuoteMatch.Normalised, r.Match);
        Assert.Contains("don\u2019t have", r.Location!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenQuoteSpansAHyphenatedLineBreak_IsNormalised()
    {
        var r = Check("The safety evaluations in this card measure what the model can do");

        Assert.Equal(QuoteMatch.Normalised, r.Match);
        Assert.Equal(5, r.Location!.Page);
    }

    [Fact]
    public void Check_WhenQuoteHasAnEllipsis_MatchesItsPiecesInOrder()
    {
        var r = Check("don't have an alternative evaluation... readily available");

        Assert.True(r.Verified);
        Assert.Contains("rigorous and readily available", r.Location!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenEllipsisPiecesAreOutOfOrder_IsNotVerified()
    {
        var r = Check("readily available... don't have an alternative evaluation");

        Assert.False(r.Verified);
    }

    [Fact]
    public void Check_WhenOneWordIsChanged_IsNearWithTheSourceWording()
    {
        var r = Check("The model never asserts claims it has evidence against");

        Assert.Equal(QuoteMatch.Near, r.Match);
        Assert.InRange(r.Similarity, 0.8, 0.99);
        Assert.Contains("rarely asserts", r.Location!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenQuoteIsFabricated_IsAbsent()
    {
        var r = Check("every deployment will be audited by an independent regulator");

        Assert.Equal(QuoteMatch.Absent, r.Match);
        Assert.False(r.Verified);
    }
}
