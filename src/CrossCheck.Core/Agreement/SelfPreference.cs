using CrossCheck.Checks;

namespace CrossCheck.Agreement;

/// <summary>
/// Self-preference per family (DESIGN.md, "Agreement"). Rates are over usable verdicts only:
/// not_checkable and failed say nothing about kindness. Only an outright "supported" counts
/// as kind; partially_supported does not. The difference is descriptive: with a few claims it
/// is noisy, so the counts travel with it.
/// </summary>
public static class SelfPreference
{
    /// <summary>Self-preference for every panelist family in the table, in order of first appearance; claims without a drafter family are left out.</summary>
    public static IReadOnlyList<SelfPreferenceFigure> FromTable(RatingsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var observations = new List<FamilyVerdict>();
        for (var i = 0; i < table.Claims.Count; i++)
        {
            if (table.Claims[i].DrafterFamily is not { } drafter)
            {
                continue;
            }
            for (var p = 0; p < table.Panelists.Count; p++)
            {
                if (table[i, p] is { } verdict)
                {
                    observations.Add(new FamilyVerdict(drafter, table.Panelists[p].Family, verdict));
                }
            }
        }
        var families = table.Panelists.Select(p => p.Family).Distinct(StringComparer.Ordinal).ToList();
        return [.. families.Select(f => Compute(f, observations))];
    }

    /// <summary>Self-preference of one family's panelists, from every (drafter family, panelist family, verdict) observation.</summary>
    public static SelfPreferenceFigure Compute(string family, IEnumerable<FamilyVerdict> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        int sameSupported = 0, same = 0, otherSupported = 0, other = 0;
        foreach (var o in observations)
        {
            if (!string.Equals(o.PanelistFamily, family, StringComparison.Ordinal) || !o.Verdict.IsUsable())
            {
                continue;
            }
            var supported = o.Verdict == Verdict.Supported ? 1 : 0;
            if (string.Equals(o.DrafterFamily, family, StringComparison.Ordinal))
            {
                same++;
                sameSupported += supported;
            }
            else
            {
                other++;
                otherSupported += supported;
            }
        }
        var sameRate = new SupportRate(sameSupported, same);
        var otherRate = new SupportRate(otherSupported, other);
        string? reason = (same, other) switch
        {
            (0, 0) => $"The {family} panelists gave no usable verdict on any drafted claim.",
            (0, _) => $"The {family} panelists gave no usable verdict on a claim drafted by their own family.",
            (_, 0) => $"The {family} panelists gave no usable verdict on a claim drafted by another family (one-family panel, or no other family drafted).",
            _ => null,
        };
        return new SelfPreferenceFigure(family, sameRate, otherRate, reason is null ? sameRate.Rate - otherRate.Rate : null, reason);
    }
}
