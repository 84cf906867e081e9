namespace CrossCheck.Agreement;

/// <summary>
/// Fleiss' kappa (Fleiss 1971): agreement of a fixed number of raters per unit, beyond chance,
/// over nominal categories.
/// </summary>
public static class FleissKappa
{
    /// <summary>
    /// Kappa over the claims every panelist judged with a usable verdict ("complete" claims);
    /// the others are left out, and <see cref="KappaFigure.Claims"/> says how many remained.
    /// </summary>
    public static KappaFigure FromTable(RatingsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var raters = table.Panelists.Count;
        var counts = new List<int[]>();
        for (var i = 0; i < table.Claims.Count; i++)
        {
            var codes = table.Row(i).Select(VerdictScale.Code).ToList();
            if (codes.Count == 0 || codes.Any(c => c is null))
            {
                continue;
            }
            var row = new int[VerdictScale.Ordered.Count];
            foreach (var code in codes)
            {
                row[code!.Value]++;
            }
            counts.Add(row);
        }
        if (raters < 2)
        {
            return KappaFigure.Undefined($"Fleiss' kappa needs at least 2 raters; the panel has {raters}.", counts.Count, raters);
        }
        if (counts.Count == 0)
        {
            return KappaFigure.Undefined(
                $"No claim was judged with a usable verdict by all {raters} panelists (of {table.Claims.Count} claims).", 0, raters);
        }
        return FromCounts(counts);
    }

    /// <summary>
    /// Kappa from a subjects × categories table of counts: cell [i][j] is how many raters put
    /// subject i in category j. Every row must sum to the same number of raters.
    /// </summary>
    public static KappaFigure FromCounts(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var subjects = counts.Count;
        if (subjects == 0)
        {
            return KappaFigure.Undefined("There are no subjects to rate.", 0, 0);
        }
        var categories = counts[0].Count;
        var raters = counts[0].Sum();
        foreach (var row in counts)
        {
            if (row.Count != categories || row.Sum() != raters || row.Any(c => c < 0))
            {
                throw new ArgumentException("Every subject needs the same categories and the same number of raters, with no negative counts.", nameof(counts));
            }
        }
        if (raters < 2)
        {
            return KappaFigure.Undefined($"Fleiss' kappa needs at least 2 raters per subject; there are {raters}.", subjects, raters);
        }

        // P_i: the share of agreeing rater pairs on subject i; P̄ their mean.
        var observed = counts.Average(row => row.Sum(n => (double)n * (n - 1)) / ((double)raters * (raters - 1)));

        // p_j: the share of all assignments that went to category j; P̄_e = Σ p_j².
        var total = (double)subjects * raters;
        var chance = Enumerable.Range(0, categories)
            .Select(j => counts.Sum(row => row[j]) / total)
            .Sum(p => p * p);

        if (1 - chance < Tolerance)
        {
            return KappaFigure.Undefined(
                "Every rating fell in one category, so chance agreement is 1 and kappa is 0/0.", subjects, raters, observed, chance);
        }
        return new KappaFigure((observed - chance) / (1 - chance), observed, chance, subjects, raters, KappaFigure.PairsOf(subjects, raters), null);
    }

    internal const double Tolerance = 1e-12;
}
