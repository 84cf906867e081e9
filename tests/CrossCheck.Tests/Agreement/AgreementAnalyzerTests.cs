using CrossCheck.Agreement;
using static CrossCheck.Tests.Agreement.Tables;

namespace CrossCheck.Tests.Agreement;

public sealed class AgreementAnalyzerTests
{
    [Fact]
    public void Analyze_WithOnePanelist_ReportsEveryStatisticAsUndefinedWithReasons()
    {
        var run = AgreementAnalyzer.Analyze(Of([S], [C], [F]));

        Assert.Equal(1, run.Panelists);
        Assert.Equal([AgreementClass.Single, AgreementClass.Single, AgreementClass.None], run.Claims.Select(c => c.Class));
        Assert.Equal(1, run.FailedVerdicts);
        Assert.False(run.Fleiss.IsDefined);
        Assert.False(run.AlphaNominal.IsDefined);
        Assert.False(run.AlphaOrdinal.IsDefined);
        Assert.False(run.Observed.IsDefined);
        Assert.Empty(run.Pairwise);
        Assert.All(new[] { run.Fleiss.UndefinedReason, run.AlphaNominal.UndefinedReason, run.AlphaOrdinal.UndefinedReason, run.Observed.UndefinedReason },
            reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public void Analyze_WhenAllAgree_ObservedAgreementIsOneAndChanceCorrectedFiguresAreUndefined()
    {
        var run = AgreementAnalyzer.Analyze(Of([S, S, S], [S, S, S], [S, S, X]));

        Assert.All(run.Claims, c => Assert.Equal(AgreementClass.Unanimous, c.Class));
        Assert.Equal(1.0, run.Observed.Value!.Value, 12);
        Assert.Equal(7, run.Observed.Pairs);
        Assert.Equal(1, run.NotCheckableVerdicts);
        Assert.Null(run.Fleiss.Kappa);
        Assert.Null(run.AlphaNominal.Alpha);
        Assert.Null(run.AlphaOrdinal.Alpha);
        Assert.All(run.Pairwise, p => Assert.Null(p.Figure.Kappa));
        Assert.NotNull(run.Fleiss.UndefinedReason);
    }

    [Fact]
    public void Analyze_WhenAllFailed_CountsTheFailuresAndReportsUndefinedFigures()
    {
        var run = AgreementAnalyzer.Analyze(Of([F, F, F], [F, F, F]));

        Assert.Equal(6, run.FailedVerdicts);
        Assert.All(run.Claims, c => Assert.Equal(AgreementClass.None, c.Class));
        Assert.Null(run.Observed.Value);
        Assert.Null(run.Fleiss.Kappa);
        Assert.Equal(0, run.Fleiss.Claims);
        Assert.Null(run.AlphaNominal.Alpha);
        Assert.All(run.Pairwise, p =>
        {
            Assert.Null(p.Figure.Kappa);
            Assert.Equal(0, p.Figure.Claims);
        });
    }

    [Fact]
    public void Analyze_WithNoClaims_DoesNotThrow()
    {
        var run = AgreementAnalyzer.Analyze(new RatingsTable([], [new RatedPanelist("a", "x"), new RatedPanelist("b", "y")], []));

        Assert.Empty(run.Claims);
        Assert.Null(run.Fleiss.Kappa);
        Assert.Null(run.AlphaNominal.Alpha);
        Assert.Null(run.Observed.Value);
    }

    [Fact]
    public void Analyze_ObservedAgreement_CountsAgreeingPairsWithinClaims()
    {
        var run = AgreementAnalyzer.Analyze(Of([S, S, C], [C, C, C], [S, F, null]));

        // Claim 0: 1 of 3 pairs agree; claim 1: 3 of 3; claim 2 has one usable verdict and no pair.
        Assert.Equal(4, run.Observed.AgreeingPairs);
        Assert.Equal(6, run.Observed.Pairs);
        Assert.Equal(2, run.Observed.Claims);
        Assert.Equal(4.0 / 6, run.Observed.Value!.Value, 12);
        Assert.Equal(1, run.Count(AgreementClass.Majority));
        Assert.Equal(1, run.Count(AgreementClass.Unanimous));
        Assert.Equal(1, run.Count(AgreementClass.Single));
    }

    [Fact]
    public void VerdictScale_OrdersContradictedBelowNotInSourceBelowPartialBelowSupported()
    {
        Assert.Equal([C, N, P, S], VerdictScale.Ordered);
        Assert.Equal([0, 1, 2, 3], VerdictScale.Ordered.Select(v => v.OrdinalRank()!.Value));
        Assert.Null(X.OrdinalRank());
        Assert.Null(F.OrdinalRank());
    }
}
