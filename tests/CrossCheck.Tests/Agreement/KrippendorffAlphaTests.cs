using CrossCheck.Agreement;
using static CrossCheck.Tests.Agreement.Tables;

namespace CrossCheck.Tests.Agreement;

public sealed class KrippendorffAlphaTests
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: observers A–D
    // (rows) × units 1–12 (columns), with missing values. Published: nominal .743, ordinal .815, interval .849.
    private static readonly int?[][] ObserversByUnit =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    private static IReadOnlyList<IReadOnlyList<int?>> UnitsByObserver() =>
        [.. Enumerable.Range(0, 12).Select(u => (IReadOnlyList<int?>)[.. ObserversByUnit.Select(o => o[u])])];

    [Theory]
    [InlineData(AlphaLevel.Nominal, 0.743)]
    [InlineData(AlphaLevel.Ordinal, 0.815)]
    [InlineData(AlphaLevel.Interval, 0.849)]
    public void KrippendorffAlpha_OnKrippendorff2011Example_MatchesPublishedValue(AlphaLevel level, double published)
    {
        var figure = KrippendorffAlpha.Compute(UnitsByObserver(), level);

        Assert.True(figure.IsDefined);
        Assert.Equal(published, figure.Alpha!.Value, 3);
        Assert.Equal(level, figure.Level);
    }

    [Fact]
    public void KrippendorffAlpha_OnKrippendorff2011Example_LeavesOutTheUnitWithOneValue()
    {
        var figure = KrippendorffAlpha.Compute(UnitsByObserver(), AlphaLevel.Nominal);

        // Unit 12 has one value (observer B's 3) and is not pairable; the other 11 units hold n = 40 values.
        Assert.Equal(11, figure.Claims);
        Assert.Equal(40, figure.PairableValues);
        Assert.Equal(1 * 3 + 8 * 6 + 1 * 3 + 1 * 1, figure.Pairs);
    }

    [Fact]
    public void KrippendorffAlpha_FromTable_TreatsNotCheckableFailedAndMissingAsMissingValues()
    {
        var table = Of(
            [S, S, null],
            [S, C, F],
            [C, C, X],
            [C, C, null],
            [S, F, F]);

        var figure = KrippendorffAlpha.FromTable(table, AlphaLevel.Nominal);

        // Hand-computed: o_SS = 2, o_SC = o_CS = 1, o_CC = 4, n = 8, D_o = 2/8, D_e = 30/56, α = 8/15.
        Assert.Equal(4, figure.Claims);
        Assert.Equal(8, figure.PairableValues);
        Assert.Equal(0.25, figure.ObservedDisagreement!.Value, 12);
        Assert.Equal(30.0 / 56, figure.ExpectedDisagreement!.Value, 12);
        Assert.Equal(8.0 / 15, figure.Alpha!.Value, 12);
    }

    [Fact]
    public void KrippendorffAlpha_Ordinal_CountsNeighbouringVerdictsAsSmallerDisagreements()
    {
        // Disagreements are only between partially_supported and supported, which sit next to each other on the scale.
        var table = Of([S, P], [S, S], [C, C], [N, N], [P, P], [S, S], [C, C]);

        var nominal = KrippendorffAlpha.FromTable(table, AlphaLevel.Nominal);
        var ordinal = KrippendorffAlpha.FromTable(table, AlphaLevel.Ordinal);

        Assert.True(ordinal.Alpha > nominal.Alpha);
    }

    [Fact]
    public void KrippendorffAlpha_Ordinal_SeparatesContradictedFromSupportedMoreThanNeighbours()
    {
        var near = KrippendorffAlpha.FromTable(Of([S, P], [C, C], [N, N], [S, S], [P, P]), AlphaLevel.Ordinal);
        var far = KrippendorffAlpha.FromTable(Of([S, C], [C, C], [N, N], [S, S], [P, P]), AlphaLevel.Ordinal);

        Assert.True(near.Alpha > far.Alpha);
    }

    [Fact]
    public void KrippendorffAlpha_WhenAllAgreeOnOneVerdict_IsUndefinedWithReason()
    {
        var figure = KrippendorffAlpha.FromTable(Of([S, S], [S, S], [S, null]), AlphaLevel.Nominal);

        Assert.Null(figure.Alpha);
        Assert.Equal(0.0, figure.ObservedDisagreement!.Value, 12);
        Assert.Equal(0.0, figure.ExpectedDisagreement!.Value, 12);
        Assert.Equal(2, figure.Claims);
        Assert.Contains("expected disagreement is 0", figure.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void KrippendorffAlpha_WithOnePanelist_IsUndefinedWithReason()
    {
        var figure = KrippendorffAlpha.FromTable(Of([S], [C]), AlphaLevel.Ordinal);

        Assert.Null(figure.Alpha);
        Assert.Equal(0, figure.PairableValues);
        Assert.Contains("at least 2 raters", figure.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void KrippendorffAlpha_WhenAllFailed_IsUndefinedWithReason()
    {
        var figure = KrippendorffAlpha.FromTable(Of([F, F], [F, F]), AlphaLevel.Nominal);

        Assert.Null(figure.Alpha);
        Assert.Equal(0, figure.Claims);
        Assert.Contains("No claim has two or more usable verdicts", figure.UndefinedReason, StringComparison.Ordinal);
    }
}
