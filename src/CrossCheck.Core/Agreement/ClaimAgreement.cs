using CrossCheck.Checks;

namespace CrossCheck.Agreement;

/// <summary>How the panel agreed on one claim.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="Class">Unanimous, majority, split, single or none, over the usable verdicts.</param>
/// <param name="Verdict">The unanimous, majority or single verdict; null for split and none.</param>
/// <param name="UsableVotes">Verdicts that count: supported, partially_supported, contradicted, not_in_source.</param>
/// <param name="VerdictCount">Votes for <paramref name="Verdict"/> (0 when it is null).</param>
/// <param name="NotCheckable">Panelists that answered not_checkable.</param>
/// <param name="Failed">Panelists with no usable answer after retries.</param>
/// <param name="Missing">Panelists with no verdict at all on this claim.</param>
public sealed record ClaimAgreement(
    string ClaimId,
    AgreementClass Class,
    Verdict? Verdict,
    int UsableVotes,
    int VerdictCount,
    int NotCheckable,
    int Failed,
    int Missing)
{
    /// <summary>Classifies one claim's verdicts (null = the panelist gave none).</summary>
    public static ClaimAgreement Classify(string claimId, IEnumerable<Verdict?> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var counts = new Dictionary<Verdict, int>();
        int notCheckable = 0, failed = 0, missing = 0;
        foreach (var cell in verdicts)
        {
            switch (cell)
            {
                case null: missing++; break;
                case Checks.Verdict.NotCheckable: notCheckable++; break;
                case Checks.Verdict.Failed: failed++; break;
                case { } usable: counts[usable] = counts.GetValueOrDefault(usable) + 1; break;
            }
        }

        var usableVotes = counts.Values.Sum();
        if (usableVotes == 0)
        {
            return new(claimId, AgreementClass.None, null, 0, 0, notCheckable, failed, missing);
        }

        // Ties are broken by the ordinal scale only to make the result deterministic; a tie at the top is a split anyway.
        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key.OrdinalRank()).First();
        var (cls, verdict, count) = usableVotes switch
        {
            1 => (AgreementClass.Single, (Verdict?)top.Key, top.Value),
            _ when top.Value == usableVotes => (AgreementClass.Unanimous, top.Key, top.Value),
            _ when 2 * top.Value > usableVotes => (AgreementClass.Majority, top.Key, top.Value),
            _ => (AgreementClass.Split, (Verdict?)null, 0),
        };
        return new(claimId, cls, verdict, usableVotes, count, notCheckable, failed, missing);
    }
}
