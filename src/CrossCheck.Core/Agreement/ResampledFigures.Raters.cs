namespace CrossCheck.Agreement;

/// <summary>The figures of one pair of panelists and of one family on a resample (see ResampledFigures.cs).</summary>
internal sealed partial class ResampledFigures
{
    /// <summary>Cohen's kappa of panelists a and b on the resample (null when undefined).</summary>
    public double? Cohen(int[] rows, int a, int b)
    {
        Span<long> cells = stackalloc long[Categories * Categories];
        cells.Clear();
        long total = 0;
        foreach (var i in rows)
        {
            var (x, y) = (_codes[i][a], _codes[i][b]);
            if (x >= 0 && y >= 0)
            {
                cells[(x * Categories) + y]++;
                total++;
            }
        }
        if (total == 0)
        {
            return null;
        }
        long agree = 0;
        double chance = 0;
        for (var c = 0; c < Categories; c++)
        {
            long row = 0, column = 0;
            for (var k = 0; k < Categories; k++)
            {
                row += cells[(c * Categories) + k];
                column += cells[(k * Categories) + c];
            }
            agree += cells[(c * Categories) + c];
            chance += (double)row * column; // an absent category adds +0.0, which changes no bit of the sum

        }
        var observed = (double)agree / total;
        chance /= (double)total * total;
        return 1 - chance < FleissKappa.Tolerance ? null : (observed - chance) / (1 - chance);
    }

    /// <summary>The self-preference difference of family f on the resample (null when undefined).</summary>
    public double? SelfPreferenceDifference(int[] rows, int f)
    {
        int sameSupported = 0, same = 0, otherSupported = 0, other = 0;
        foreach (var i in rows)
        {
            var counts = _family[i];
            if (counts.Length == 0)
            {
                continue;
            }
            sameSupported += counts[4 * f];
            same += counts[(4 * f) + 1];
            otherSupported += counts[(4 * f) + 2];
            other += counts[(4 * f) + 3];
        }
        return same > 0 && other > 0 ? ((double)sameSupported / same) - ((double)otherSupported / other) : null;
    }

    /// <summary>For each family, the counts one claim adds to <see cref="SelfPreference.Compute"/>; empty without a drafter family.</summary>
    private static int[] FamilyCounts(RatingsTable table, int claim, List<string> families)
    {
        if (table.Claims[claim].DrafterFamily is not { } drafter)
        {
            return [];
        }
        var counts = new int[4 * families.Count];
        for (var p = 0; p < table.Panelists.Count; p++)
        {
            if (table[claim, p] is not { } verdict || !verdict.IsUsable())
            {
                continue;
            }
            var f = families.IndexOf(table.Panelists[p].Family);
            var slot = string.Equals(drafter, families[f], StringComparison.Ordinal) ? 0 : 2;
            counts[(4 * f) + slot] += verdict == Checks.Verdict.Supported ? 1 : 0;
            counts[(4 * f) + slot + 1]++;
        }
        return counts;
    }
}
