namespace CrossCheck.Agreement;

/// <summary>Raw pairwise agreement over the claims that have at least two usable verdicts.</summary>
public static class ObservedAgreement
{
    public static ObservedAgreementFigure FromTable(RatingsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        long agreeing = 0, pairs = 0;
        var claims = 0;
        for (var i = 0; i < table.Claims.Count; i++)
        {
            var codes = table.Row(i).Select(VerdictScale.Code).Where(c => c is not null).ToList();
            if (codes.Count < 2)
            {
                continue;
            }
            claims++;
            pairs += (long)codes.Count * (codes.Count - 1) / 2;
            agreeing += codes.GroupBy(c => c).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        }
        if (pairs == 0)
        {
            var reason = table.Panelists.Count < 2
                ? $"Agreement needs at least 2 panelists; the panel has {table.Panelists.Count}."
                : "No claim has two or more usable verdicts.";
            return new ObservedAgreementFigure(null, 0, 0, 0, reason);
        }
        return new ObservedAgreementFigure((double)agreeing / pairs, agreeing, pairs, claims, null);
    }
}
