namespace CrossCheck.Agreement;

/// <summary>
/// Nonparametric bootstrap over claims (Efron 1979): the ratings table's rows are resampled with replacement
/// <c>replicates</c> times from a seeded <see cref="Random"/>, every agreement figure is computed on each resample, and
/// the interval is the percentile interval of the defined values (linear interpolation between order statistics).
/// Claims, not single verdicts, are the resampled unit, because a claim's verdicts are not independent of each other.
/// The same table, seed and replicate count always give the same intervals.
/// </summary>
public static class Bootstrap
{
    public const int DefaultSeed = 13;
    public const int DefaultReplicates = 2000;
    public const string Method = "percentile bootstrap, claims resampled with replacement";

    public static AgreementIntervals Intervals(RatingsTable table, int seed = DefaultSeed, int replicates = DefaultReplicates, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(table);
        var figures = new ResampledFigures(table);
        var panelists = table.Panelists.Count;
        return Resample(table, seed, replicates, level, rows =>
        {
            var (nominal, ordinal) = figures.Alpha(rows);
            var pairs = new List<double?>();
            for (var a = 0; a < panelists; a++)
            {
                for (var b = a + 1; b < panelists; b++)
                {
                    pairs.Add(figures.Cohen(rows, a, b));
                }
            }
            return (figures.Fleiss(rows), nominal, ordinal, pairs, f => figures.SelfPreferenceDifference(rows, f));
        });
    }

    /// <summary>
    /// The same intervals by the general code: a resampled <see cref="RatingsTable"/> per replicate and every statistic run
    /// on it. <see cref="Intervals"/> must equal this to the bit (Research/BootstrapEquivalenceTests); it is about 15 times
    /// faster (`CrossCheck.Bench bootstrap`). Kept as the reference, not used by runs.
    /// </summary>
    public static AgreementIntervals ReferenceIntervals(RatingsTable table, int seed = DefaultSeed, int replicates = DefaultReplicates, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Resample(table, seed, replicates, level, rows =>
        {
            var sample = new RatingsTable([.. rows.Select(i => table.Claims[i])], table.Panelists, [.. rows.Select(table.Row)]);
            var families = SelfPreference.FromTable(sample);
            return (
                FleissKappa.FromTable(sample).Kappa,
                KrippendorffAlpha.FromTable(sample, AlphaLevel.Nominal).Alpha,
                KrippendorffAlpha.FromTable(sample, AlphaLevel.Ordinal).Alpha,
                [.. CohenKappa.Pairwise(sample).Select(p => p.Figure.Kappa)],
                f => families[f].Difference);
        });
    }

    /// <summary>
    /// The bootstrap's loop: <paramref name="replicates"/> resamples of the claims (row indices drawn from a seeded
    /// <see cref="Random"/>), each one's figures from <paramref name="figuresOf"/>: Fleiss, alpha nominal and ordinal, the
    /// pairs' kappas in <see cref="CohenKappa.Pairwise"/> order, and each family's self-preference difference by index.
    /// </summary>
    private static AgreementIntervals Resample(
        RatingsTable table, int seed, int replicates, double level,
        Func<int[], (double? Fleiss, double? Nominal, double? Ordinal, IReadOnlyList<double?> Pairs, Func<int, double?> Family)> figuresOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        var n = table.Claims.Count;
        var pairs = CohenKappa.Pairwise(table);
        var families = SelfPreference.FromTable(table);
        List<double> fleiss = [], nominal = [], ordinal = [];
        var pairValues = pairs.Select(_ => new List<double>()).ToArray();
        var familyValues = families.Select(_ => new List<double>()).ToArray();
        var random = new Random(seed);
        var rows = new int[n];
        for (var r = 0; r < replicates && n > 0; r++)
        {
            for (var i = 0; i < n; i++)
            {
                rows[i] = random.Next(n);
            }
            var figures = figuresOf(rows);
            Add(fleiss, figures.Fleiss);
            Add(nominal, figures.Nominal);
            Add(ordinal, figures.Ordinal);
            for (var p = 0; p < pairs.Count; p++)
            {
                Add(pairValues[p], figures.Pairs[p]);
            }
            for (var f = 0; f < families.Count; f++)
            {
                Add(familyValues[f], figures.Family(f));
            }
        }
        return new AgreementIntervals(
            Method, seed, replicates, level, n,
            Percentile(fleiss, level), Percentile(nominal, level), Percentile(ordinal, level),
            [.. pairs.Select((p, i) => new AgreementIntervals.Pair(p.PanelistA, p.PanelistB, Percentile(pairValues[i], level)))],
            [.. families.Select((f, i) => new AgreementIntervals.Family(f.Family, Percentile(familyValues[i], level)))]);
    }

    /// <summary>The central <paramref name="level"/> percentile interval of the values (Hyndman–Fan type 7 quantiles).</summary>
    public static Interval Percentile(IReadOnlyList<double> values, double level)
    {
        if (values.Count == 0)
        {
            return new Interval(null, null, 0);
        }
        var sorted = values.Order().ToArray();
        double Quantile(double p)
        {
            var h = (sorted.Length - 1) * p;
            var lo = (int)Math.Floor(h);
            var hi = Math.Min(lo + 1, sorted.Length - 1);
            return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
        var tail = (1 - level) / 2;
        return new Interval(Quantile(tail), Quantile(1 - tail), sorted.Length);
    }

    private static void Add(List<double> values, double? value)
    {
        if (value is { } v)
        {
            values.Add(v);
        }
    }
}
