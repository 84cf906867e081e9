namespace CrossCheck.Agreement;

/// <summary>
/// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"),
/// computed from the coincidence matrix. Missing values are handled natively: a unit counts
/// with however many values it has, and units with fewer than two are not pairable and are
/// left out.
/// </summary>
public static class KrippendorffAlpha
{
    /// <summary>
    /// Alpha over the panel's usable verdicts, coded on the ordinal scale of
    /// <see cref="VerdictScale"/>; not_checkable, failed and missing cells are missing values.
    /// </summary>
    public static AlphaFigure FromTable(RatingsTable table, AlphaLevel level = AlphaLevel.Nominal)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Panelists.Count < 2)
        {
            return Undefined(level, $"Alpha needs at least 2 raters; the panel has {table.Panelists.Count}.");
        }
        return Compute(table.Codes(), level);
    }

    /// <summary>
    /// Alpha from units × coders of integer codes (null = missing). For
    /// <see cref="AlphaLevel.Ordinal"/> only the order of the codes matters; for
    /// <see cref="AlphaLevel.Interval"/> they are the values themselves.
    /// </summary>
    public static AlphaFigure Compute(IReadOnlyList<IReadOnlyList<int?>> units, AlphaLevel level)
    {
        ArgumentNullException.ThrowIfNull(units);

        // Coincidences o_ck: within each unit of m_u values, every ordered pair of values from
        // different coders adds 1/(m_u − 1).
        var coincidences = new SortedDictionary<int, SortedDictionary<int, double>>();
        int pairableUnits = 0, pairableValues = 0;
        long pairs = 0;
        foreach (var unit in units)
        {
            var values = unit.Where(v => v is not null).Select(v => v!.Value).ToList();
            var m = values.Count;
            if (m < 2)
            {
                continue;
            }
            pairableUnits++;
            pairableValues += m;
            pairs += (long)m * (m - 1) / 2;
            for (var i = 0; i < m; i++)
            {
                var row = coincidences.TryGetValue(values[i], out var r) ? r : coincidences[values[i]] = [];
                for (var j = 0; j < m; j++)
                {
                    if (i != j)
                    {
                        row[values[j]] = row.GetValueOrDefault(values[j]) + 1.0 / (m - 1);
                    }
                }
            }
        }

        if (pairableUnits == 0)
        {
            return Undefined(level, "No claim has two or more usable verdicts, so there is no pair of values to compare.");
        }

        var categories = coincidences.Keys.ToList();
        var marginals = categories.ToDictionary(c => c, c => coincidences[c].Values.Sum());
        double n = pairableValues;
        var delta = DifferenceFunction(level, categories, marginals);

        double observed = 0, expected = 0;
        foreach (var c in categories)
        {
            foreach (var k in categories)
            {
                var d = delta(c, k);
                observed += coincidences[c].GetValueOrDefault(k) * d;
                expected += marginals[c] * marginals[k] * d;
            }
        }
        observed /= n;
        expected /= n * (n - 1);

        if (expected < FleissKappa.Tolerance)
        {
            return new AlphaFigure(null, level, observed, expected, pairableUnits, pairableValues, pairs,
                "Every pairable value is the same, so expected disagreement is 0 and alpha is 0/0 (agreement without variation says nothing about reliability).");
        }
        return new AlphaFigure(1 - observed / expected, level, observed, expected, pairableUnits, pairableValues, pairs, null);
    }

    private static Func<int, int, double> DifferenceFunction(AlphaLevel level, IReadOnlyList<int> categories, IReadOnlyDictionary<int, double> marginals) => level switch
    {
        AlphaLevel.Nominal => (c, k) => c == k ? 0 : 1,
        AlphaLevel.Interval => (c, k) => (double)(c - k) * (c - k),

        // δ²_ck = (Σ_{g from c to k} n_g − (n_c + n_k)/2)²: ranks only, spaced by how often the values in between occur.
        AlphaLevel.Ordinal => (c, k) =>
        {
            var (low, high) = c <= k ? (c, k) : (k, c);
            var between = categories.Where(g => g >= low && g <= high).Sum(g => marginals[g]) - (marginals[c] + marginals[k]) / 2;
            return between * between;
        },
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    private static AlphaFigure Undefined(AlphaLevel level, string reason) =>
        new(null, level, null, null, 0, 0, 0, reason);
}
