using CrossCheck.Agreement;
using CrossCheck.Checks;
using static CrossCheck.Tests.Agreement.Tables;

namespace CrossCheck.Tests.Agreement;

public sealed class CohenKappaTests
{
    // The Wikipedia "Cohen's kappa" example: 50 proposals, A and B both yes 20, A yes B no 5, A no B yes 10, both no 15.
    private static readonly int[,] Wikipedia = { { 20, 5 }, { 10, 15 } };

    [Fact]
    public void CohenKappa_OnWikipediaExample_Is04()
    {
        var figure = CohenKappa.FromContingencyTable(Wikipedia);

        Assert.Equal(0.4, figure.Kappa!.Value, 3);
        Assert.Equal(0.7, figure.ObservedAgreement!.Value, 3);
        Assert.Equal(0.5, figure.ChanceAgreement!.Value, 3);
        Assert.Equal(50, figure.Claims);
        Assert.Equal(2, figure.Raters);
        Assert.Equal(50, figure.Pairs);
    }

    [Fact]
    public void CohenKappa_Pairwise_OnWikipediaExampleAsVerdicts_Is04()
    {
        var rows = new List<Verdict?[]>();
        rows.AddRange(Enumerable.Repeat<Verdict?[]>([S, S], 20));
        rows.AddRange(Enumerable.Repeat<Verdict?[]>([S, C], 5));
        rows.AddRange(Enumerable.Repeat<Verdict?[]>([C, S], 10));
        rows.AddRange(Enumerable.Repeat<Verdict?[]>([C, C], 15));
        rows.Add([S, F]);
        rows.Add([null, C]);

        var pair = Assert.Single(CohenKappa.Pairwise(Of([.. rows])));

        Assert.Equal("p0", pair.PanelistA);
        Assert.Equal("p1", pair.PanelistB);
        Assert.Equal(0.4, pair.Figure.Kappa!.Value, 3);
        Assert.Equal(50, pair.Figure.Claims);
    }

    [Fact]
    public void CohenKappa_Pairwise_GivesOneFigurePerPairOnTheClaimsBothJudged()
    {
        var table = Of([S, S, C], [C, C, null], [S, C, S], [C, F, C]);

        var pairs = CohenKappa.Pairwise(table);

        Assert.Equal(["p0-p1", "p0-p2", "p1-p2"], pairs.Select(p => $"{p.PanelistA}-{p.PanelistB}"));
        Assert.Equal([3, 3, 2], pairs.Select(p => p.Figure.Claims));
    }

    [Fact]
    public void CohenKappa_WhenBothGiveOneSameVerdict_IsUndefinedWithReason()
    {
        var figure = CohenKappa.FromPairs([(3, 3), (3, 3), (3, null)]);

        Assert.Null(figure.Kappa);
        Assert.Equal(1.0, figure.ObservedAgreement!.Value, 12);
        Assert.Equal(2, figure.Claims);
        Assert.Contains("chance agreement is 1", figure.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void CohenKappa_WhenNoClaimInCommon_IsUndefinedWithReason()
    {
        var figure = CohenKappa.FromPairs([(3, null), (null, 0)]);

        Assert.Null(figure.Kappa);
        Assert.Null(figure.ObservedAgreement);
        Assert.Equal(0, figure.Claims);
        Assert.Contains("no claim in common", figure.UndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void CohenKappa_WithOnePanelist_HasNoPairs()
    {
        Assert.Empty(CohenKappa.Pairwise(Of([S], [C])));
    }
}
