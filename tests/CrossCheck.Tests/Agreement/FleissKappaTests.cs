using CrossCheck.Agreement;
using static CrossCheck.Tests.Agreement.Tables;

namespace CrossCheck.Tests.Agreement;

public sealed class FleissKappaTests
{
    // Fleiss (1971) as reproduced in the Wikipedia article "Fleiss' kappa": 10 subjects, 14 raters, 5 categories.
    private static readonly int[][] Fleiss1971 =
    [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];

    [Fact]
    public void FleissKappa_OnFleiss1971Example_Is0210()
    {
        var figure = FleissKappa.FromCounts(Fleiss1971);

        Assert.True(figure.IsDefined);
        Assert.Equal(0.210, figure.Kappa!.Value, 3);
        Assert.Equal(0.378, figure.ObservedAgreement!.Value, 3);
        Assert.Equal(0.213, figure.ChanceAgreement!.Value, 3);
        Assert.Equal(10, figure.Claims);
        Assert.Equal(14, figure.Raters);
        Assert.Equal(10 * 14 * 13 / 2, figure.Pairs);
        Assert.Null(figure.UndefinedReason);
    }

    [Fact]
    public void FleissKappa_FromTable_UsesOnlyClaimsEveryPanelistJudged()
    {
        var table = Of(
            [S, S],
            [S, C],
            [C, C],
            [C, C],
            [S, null],
            [C, F],
            [X, S]);

        var figure = FleissKappa.FromTable(table);

        // Hand-computed on the 4 complete claims: P̄ = 3/4, P̄e = (3/8)² + (5/8)² = 34/64, κ = 7/15.
        Assert.Equal(4, figure.Claims);
        Assert.Equal(2, figure.Raters);
        Assert.Equal(0.75, figure.ObservedAgreement!.Value, 12);
        Assert.Equal(34.0 / 64, figure.ChanceAgreement!.Value, 12);
        Assert.Equal(7.0 / 15, figure.Kappa!.Value, 12);
    }

    [Fact]
    public void FleissKappa_WhenEveryRatingIsTheSame_IsUndefinedWithReason()
    {
        var figure = FleissKappa.FromTable(Of([S, S, S], [S, S, S]));

        Assert.False(figure.IsDefined);
        Assert.Null(figure.Kappa);
        Assert.Equal(1.0, figure.ObservedAgreement!.Value, 12);
        Assert.Equal(1.0, figure.ChanceAgreement!.Value, 12);
        Assert.Equal(2, figure.Claims);
        Assert.Contains("chance agreement is 1", figure.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void FleissKappa_WithOnePanelist_IsUndefinedWithReason()
    {
        var figure = FleissKappa.FromTable(Of([S], [C]));

        Assert.Null(figure.Kappa);
        Assert.Equal(1, figure.Raters);
        Assert.Equal(0, figure.Pairs);
        Assert.Contains("at least 2 raters", figure.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void FleissKappa_WhenNoClaimIsComplete_IsUndefinedWithReason()
    {
        var figure = FleissKappa.FromTable(Of([F, F], [S, X]));

        Assert.Null(figure.Kappa);
        Assert.Equal(0, figure.Claims);
        Assert.Contains("No claim", figure.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void FleissKappa_WhenRowsHaveDifferentRaterCounts_Throws()
    {
        Assert.Throws<ArgumentException>(() => FleissKappa.FromCounts([[1, 1], [2, 1]]));
    }
}
