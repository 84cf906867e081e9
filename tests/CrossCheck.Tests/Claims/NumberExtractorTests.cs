using CrossCheck.Claims;

namespace CrossCheck.Tests.Claims;

public sealed class NumberExtractorTests
{
    [Theory]
    [InlineData("solved 12% of tasks", 12, "%", false)]
    [InlineData("solved 12 percent of tasks", 12, "%", false)]
    [InlineData("427x faster", 427, "x", false)]
    [InlineData("427\u00D7 faster", 427, "x", false)]
    [InlineData("a 427-fold speed-up", 427, "x", false)]
    [InlineData("a rate of ~100% overall", 100, "%", true)]
    [InlineData("about 40 expert-hours each", 40, "expert-hour", true)]
    [InlineData("a 16-person team", 16, "person", false)]
    [InlineData("measured as pass@30 here", 30, "pass@", false)]
    [InlineData("beyond 16,000 tokens", 16000, "token", false)]
    [InlineData("it scored 71.4 on the test", 71.4, "", false)]
    public void Extract_ReadsValueUnitAndApproximation(string text, double value, string unit, bool approximate)
    {
        var n = Assert.Single(NumberExtractor.Extract(text));

        Assert.Equal(value, n.Value);
        Assert.Equal(unit, n.Unit);
        Assert.Equal(approximate, n.Approximate);
    }

    [Fact]
    public void Extract_ReadsRanges()
    {
        var n = Assert.Single(NumberExtractor.Extract("between 3-5 days"));

        Assert.Equal((3.0, 5.0), (n.Value, n.RangeEnd!.Value));
        Assert.Equal("day", n.Unit);
    }

    [Theory]
    [InlineData("GPT-4 and Claude-3 were compared")]
    [InlineData("see version 1.2.4.4 of the spec")]
    public void Extract_IgnoresNumbersInsideNamesAndSectionNumbers(string text) =>
        Assert.Empty(NumberExtractor.Extract(text));
}
