using CrossCheck.Agreement;
using CrossCheck.Checks;
using static CrossCheck.Tests.Agreement.Tables;

namespace CrossCheck.Tests.Research;

/// <summary>Bootstrap intervals over claims: a known case, reproducibility from the seed, and coverage of the point estimate.</summary>
public sealed class BootstrapTests
{
    private static RatingsTable Mixed() => new(
        [.. Enumerable.Range(0, 12).Select(i => new RatedClaim($"c{i}", i % 2 == 0 ? "f0" : "f1"))],
        [new RatedPanelist("p0", "f0"), new RatedPanelist("p1", "f1"), new RatedPanelist("p2", "f2")],
        [
            [S, S, S], [S, S, P], [C, C, C], [N, N, S], [P, P, P], [S, P, S],
            [C, N, C], [S, S, S], [N, N, N], [P, S, P], [C, C, N], [S, S, S],
        ]);

    [Fact]
    public void Intervals_WhenEveryClaimIsUnanimousAcrossCategories_AreExactlyOne()
    {
        var table = Of([S, S, S], [C, C, C], [N, N, N], [P, P, P], [S, S, S], [C, C, C]);

        var intervals = Bootstrap.Intervals(table, seed: 1, replicates: 500);

        Assert.Equal(1.0, intervals.Fleiss.Low!.Value, 12);
        Assert.Equal(1.0, intervals.Fleiss.High!.Value, 12);
        Assert.Equal(1.0, intervals.AlphaOrdinal.Low!.Value, 12);
        // A resample that drew one verdict category only leaves kappa undefined: such replicates are counted out, not zero.
        Assert.InRange(intervals.Fleiss.Defined, 490, 500);
    }

    [Fact]
    public void Percentile_OfKnownValues_InterpolatesBetweenOrderStatistics()
    {
        var values = Enumerable.Range(0, 101).Select(i => (double)i).ToArray();

        var interval = Bootstrap.Percentile(values, 0.90);

        Assert.Equal(5.0, interval.Low!.Value, 12);
        Assert.Equal(95.0, interval.High!.Value, 12);
    }

    [Fact]
    public void Intervals_WithTheSameSeed_AreIdentical_AndAnotherSeedDiffers()
    {
        var a = Bootstrap.Intervals(Mixed(), seed: 42, replicates: 400);
        var b = Bootstrap.Intervals(Mixed(), seed: 42, replicates: 400);
        var c = Bootstrap.Intervals(Mixed(), seed: 43, replicates: 400);

        Assert.Equal(a.Fleiss, b.Fleiss);
        Assert.Equal(a.AlphaNominal, b.AlphaNominal);
        Assert.Equal(a.Pairwise.Select(p => p.Interval), b.Pairwise.Select(p => p.Interval));
        Assert.Equal(a.SelfPreference.Select(p => p.Interval), b.SelfPreference.Select(p => p.Interval));
        Assert.NotEqual(a.Fleiss, c.Fleiss);
    }

    [Fact]
    public void Intervals_CoverThePointEstimates()
    {
        var table = Mixed();
        var point = AgreementAnalyzer.Analyze(table);

        var intervals = Bootstrap.Intervals(table);

        Assert.True(intervals.Fleiss.Covers(point.Fleiss.Kappa!.Value), $"{intervals.Fleiss} vs {point.Fleiss.Kappa}");
        Assert.True(intervals.AlphaNominal.Covers(point.AlphaNominal.Alpha!.Value));
        Assert.True(intervals.AlphaOrdinal.Covers(point.AlphaOrdinal.Alpha!.Value));
        Assert.All(point.Pairwise.Zip(intervals.Pairwise), x => Assert.True(x.Second.Interval.Covers(x.First.Figure.Kappa!.Value), $"{x.First.PanelistA}×{x.First.PanelistB}"));
        var defined = point.SelfPreference.Zip(intervals.SelfPreference).Where(x => x.First.Difference is not null).ToArray();
        Assert.NotEmpty(defined);
        Assert.All(defined, x => Assert.True(x.Second.Interval.Covers(x.First.Difference!.Value), x.First.Family));
        Assert.True(intervals.Fleiss.High - intervals.Fleiss.Low > 0.05, "a 12-claim table should give a visibly wide interval");
    }
}
