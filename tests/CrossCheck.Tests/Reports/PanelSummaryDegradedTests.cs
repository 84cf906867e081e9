using CrossCheck.Agreement;
using CrossCheck.Reports;

namespace CrossCheck.Tests.Reports;

/// <summary>When a run counts as degraded (exit 6): a panelist failing more than 20% of its calls, or fewer families heard than asked.</summary>
public sealed class PanelSummaryDegradedTests
{
    private static PanelSummary Summary(IReadOnlyList<PanelistUsage> usage, string[] asked, string[] heard, int judged = 10) =>
        new(asked.Length, judged, 40, 0, 0, 0, 0, 0, 0, 0, 0, AgreementAnalyzer.Analyze(new RatingsTable([], [], [])), Usage: usage)
        {
            FamiliesAsked = asked,
            FamiliesHeard = heard,
        };

    private static PanelistUsage Usage(string id, int calls, int failed) => new(id, 1, calls - failed, 0, 0, calls, failed, 0);

    [Fact]
    public void APanelistThatNeverAnswered_BecauseItsRolesWereTakenBeforeAnyCall_StillMakesTheRunDegraded()
    {
        // xai made no call at all (its provider was down from the start and every role was reassigned): no failure share to exceed.
        var summary = Summary([Usage("anthropic:a", 20, 0), Usage("openai:o", 20, 0), Usage("xai:x", 0, 0)], ["anthropic", "openai", "xai"], ["anthropic", "openai"]);

        Assert.True(summary.Degraded);
        var reason = Assert.Single(summary.DegradedReasons);
        Assert.Contains("2 of the 3 model families", reason, StringComparison.Ordinal);
        Assert.Contains("none from xai", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, 4, false)]
    [InlineData(20, 5, true)]
    public void TheFailureShare_IsMoreThanTwentyPercent(int calls, int failed, bool degraded)
    {
        var summary = Summary([Usage("anthropic:a", 20, 0), Usage("openai:o", calls, failed)], ["anthropic", "openai"], ["anthropic", "openai"]);

        Assert.Equal(degraded, summary.Degraded);
    }

    [Fact]
    public void ARunWhoseClaimsWereNotJudged_IsNotCalledDegradedForMissingFamilies()
    {
        Assert.False(Summary([], ["anthropic", "openai"], [], judged: 0).Degraded);
    }
}
