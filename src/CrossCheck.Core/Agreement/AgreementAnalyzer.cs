namespace CrossCheck.Agreement;

/// <summary>Computes every agreement figure of a run from its ratings table.</summary>
public static class AgreementAnalyzer
{
    public static RunAgreement Analyze(RatingsTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var claims = Enumerable.Range(0, table.Claims.Count)
            .Select(i => ClaimAgreement.Classify(table.Claims[i].ClaimId, table.Row(i)))
            .ToList();
        return new RunAgreement(
            claims,
            table.Panelists.Count,
            claims.Sum(c => c.NotCheckable),
            claims.Sum(c => c.Failed),
            claims.Sum(c => c.Missing),
            ObservedAgreement.FromTable(table),
            FleissKappa.FromTable(table),
            KrippendorffAlpha.FromTable(table, AlphaLevel.Nominal),
            KrippendorffAlpha.FromTable(table, AlphaLevel.Ordinal),
            CohenKappa.Pairwise(table),
            SelfPreference.FromTable(table));
    }
}
