namespace CrossCheck.Agreement;

/// <summary>Cohen's kappa (Cohen 1960): agreement of two raters beyond chance, each rater with its own category shares.</summary>
public static class CohenKappa
{
    /// <summary>
    /// Kappa for every pair of panelists, in column order (0–1, 0–2, …, 1–2, …), each on the
    /// claims both judged with a usable verdict.
    /// </summary>
    public static IReadOnlyList<PairwiseKappa> Pairwise(RatingsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var result = new List<PairwiseKappa>();
        for (var a = 0; a < table.Panelists.Count; a++)
        {
            for (var b = a + 1; b < table.Panelists.Count; b++)
            {
                var pairs = Enumerable.Range(0, table.Claims.Count)
                    .Select(i => (VerdictScale.Code(table[i, a]), VerdictScale.Code(table[i, b])));
                result.Add(new PairwiseKappa(table.Panelists[a].Name, table.Panelists[b].Name, FromPairs(pairs)));
            }
        }
        return result;
    }

    /// <summary>Kappa from the two raters' codes per unit; units where either code is null are left out.</summary>
    public static KappaFigure FromPairs(IEnumerable<(int? A, int? B)> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var both = codes.Where(p => p.A is not null && p.B is not null).Select(p => (A: p.A!.Value, B: p.B!.Value)).ToList();
        if (both.Count == 0)
        {
            return KappaFigure.Undefined("The two raters judged no claim in common with a usable verdict.", 0, 2);
        }
        var categories = both.SelectMany(p => new[] { p.A, p.B }).Distinct().Order().ToList();
        var index = categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var table = new int[categories.Count, categories.Count];
        foreach (var (a, b) in both)
        {
            table[index[a], index[b]]++;
        }
        return FromContingencyTable(table);
    }

    /// <summary>
    /// Kappa from a square contingency table: cell [i, j] counts the units rater A put in
    /// category i and rater B in category j.
    /// </summary>
    public static KappaFigure FromContingencyTable(int[,] table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var k = table.GetLength(0);
        if (table.GetLength(1) != k)
        {
            throw new ArgumentException("The contingency table must be square: the same categories for both raters.", nameof(table));
        }
        long total = 0, agree = 0;
        var rowSums = new long[k];
        var columnSums = new long[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var n = table[i, j];
                if (n < 0)
                {
                    throw new ArgumentException("Counts cannot be negative.", nameof(table));
                }
                total += n;
                rowSums[i] += n;
                columnSums[j] += n;
                if (i == j)
                {
                    agree += n;
                }
            }
        }
        var units = checked((int)total);
        if (units == 0)
        {
            return KappaFigure.Undefined("The two raters judged no claim in common with a usable verdict.", 0, 2);
        }
        var observed = (double)agree / total;
        var chance = Enumerable.Range(0, k).Sum(i => (double)rowSums[i] * columnSums[i]) / ((double)total * total);
        if (1 - chance < FleissKappa.Tolerance)
        {
            return KappaFigure.Undefined(
                "Both raters gave every claim the same single verdict, so chance agreement is 1 and kappa is 0/0.", units, 2, observed, chance);
        }
        return new KappaFigure((observed - chance) / (1 - chance), observed, chance, units, 2, units, null);
    }
}
