using CrossCheck.Reports;

namespace CrossCheck.Tests.Reports;

/// <summary>The methodology note's pace line: each panelist's median time per answer, and a panelist that set the run's pace.</summary>
public sealed class PanelPaceTests
{
    private static readonly string[] Panel = ["anthropic:a", "openai:o", "xai:x"];

    private static IEnumerable<(string, double)> Answers(string panelist, params double[] milliseconds) =>
        milliseconds.Select(ms => (panelist, ms));

    [Fact]
    public void OnePanelistTwelveTimesSlower_IsTheOneCalledSlow_WithTheOthersMedianAndTheFactor()
    {
        var paces = PanelPace.Of(
            Answers("anthropic:a", 900, 1100, 1300).Concat(Answers("openai:o", 800, 900, 1000)).Concat(Answers("xai:x", 12_000, 14_000, 30_000)),
            Panel);

        var slow = Assert.Single(PanelPace.SlowOnes(paces));
        Assert.Equal("xai:x", slow.Pace.Panelist);
        Assert.Equal(14_000, slow.Pace.MedianMs);
        Assert.Equal(3, slow.Pace.Answers);
        // The others' medians are 1,100 and 900 ms: their median is 1,000 ms.
        Assert.Equal(1000, slow.OthersMedianMs);
        Assert.Equal(14, slow.Factor, 3);
    }

    [Fact]
    public void ManyTimesSlowerByMilliseconds_IsNotAFinding()
    {
        // 40 ms against 8 ms is five times slower, but no one waits for 32 ms.
        var paces = PanelPace.Of(Answers("anthropic:a", 8, 8).Concat(Answers("openai:o", 40, 40)), Panel);

        Assert.Empty(PanelPace.SlowOnes(paces));
    }

    [Fact]
    public void SlowerBySecondsButUnderThreeTimes_IsNotAFinding_AndAtThreeTimesItIs()
    {
        var under = PanelPace.Of(Answers("anthropic:a", 2000).Concat(Answers("openai:o", 5000)), Panel);
        var atThreeTimes = PanelPace.Of(Answers("anthropic:a", 2000).Concat(Answers("openai:o", 6000)), Panel);

        Assert.Empty(PanelPace.SlowOnes(under));
        Assert.Equal("openai:o", Assert.Single(PanelPace.SlowOnes(atThreeTimes)).Pace.Panelist);
    }

    [Fact]
    public void OnePanelist_HasAPaceButNothingToBeComparedWith()
    {
        var paces = PanelPace.Of(Answers("openai:o", 60_000), Panel);

        Assert.Equal(60_000, Assert.Single(paces).MedianMs);
        Assert.Empty(PanelPace.SlowOnes(paces));
    }

    [Fact]
    public void Paces_FollowThePanelsOrder_LeaveOutPanelistsWithoutAnswers_AndTakeTheMiddleOfAnEvenCount()
    {
        var paces = PanelPace.Of(Answers("xai:x", 400, 100, 300, 200).Concat(Answers("anthropic:a", 50)), Panel);

        Assert.Equal(["anthropic:a", "xai:x"], paces.Select(p => p.Panelist));
        Assert.Equal(250, paces[1].MedianMs);
    }

    [Fact]
    public void Lines_GiveEveryPanelistsTime_ThenNameTheSlowOne_WithAFactorOnlyWhenTheOthersTookMeasurableTime()
    {
        var lines = PanelPace.Lines(PanelPace.Of(Answers("anthropic:a", 900, 1100).Concat(Answers("xai:x", 12_000, 16_000)), Panel), Panel).ToArray();

        Assert.Equal(2, lines.Length);
        // openai:o had no answer from its provider (all failed, or all from the cache): said, not left out.
        Assert.Contains("`anthropic:a` 1.0 s (2), `openai:o` no answer from its provider, `xai:x` 14.0 s (2).", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("- **The run waited much longer for `xai:x`'s answers", lines[1], StringComparison.Ordinal);
        Assert.Contains("a median of 14.0 s per answer against 1.0 s for the others (14×)", lines[1], StringComparison.Ordinal);

        // Answers served in no measurable time beside 3 s ones: the slow one is named, without an infinite factor.
        var instant = PanelPace.Lines(PanelPace.Of(Answers("anthropic:a", 0, 0).Concat(Answers("xai:x", 3000)), Panel), Panel).ToArray();
        Assert.Contains("against 0 ms for the others: a slow model", instant[1], StringComparison.Ordinal);
        Assert.DoesNotContain("∞", instant[1], StringComparison.Ordinal);

        // A run served wholly from the cache: no line at all, rather than every panelist "without an answer".
        Assert.Empty(PanelPace.Lines([], Panel));
        Assert.Single(PanelPace.Lines(PanelPace.Of(Answers("anthropic:a", 900).Concat(Answers("xai:x", 1000)), Panel), Panel));
    }

    [Theory]
    [InlineData(35.4, "35 ms")]
    [InlineData(999, "999 ms")]
    [InlineData(1000, "1.0 s")]
    [InlineData(14_260, "14.3 s")]
    public void Durations_ReadInMillisecondsUnderASecond_AndInSecondsAbove(double milliseconds, string expected)
    {
        Assert.Equal(expected, PanelPace.Duration(milliseconds));
    }
}
