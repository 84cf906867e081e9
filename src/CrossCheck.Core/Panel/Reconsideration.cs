using CrossCheck.Checks;

namespace CrossCheck.Panel;

/// <summary>
/// What a later round of attack → reconcile is shown of the rounds before it (<c>--rounds N</c>): per earlier round the
/// verify votes as counted, the attack, the reconciliation (verdict, rationale, correction, checked citations) and the
/// verdict the policy drew from it. Without it a second round would send the first round's requests again, byte for
/// byte, and be answered from the cache: no reconsideration at all. Round 1 gets nothing (its request stays the plain
/// one, so a one-round run and the first round of a longer one share their answers). Panelists stay anonymous here, as
/// everywhere in prompts: flags and notes that name a panelist are left out.
/// </summary>
public static class Reconsideration
{
    /// <param name="outcomes">The verdict the policy drew after each earlier round, in round order.</param>
    /// <returns>Null for round 1; otherwise one entry per earlier round.</returns>
    public static object[]? PreviousRounds(IReadOnlyList<PanelAnswer> verifications, IReadOnlyList<PanelAnswer> attacks, IReadOnlyList<PanelAnswer> reconciliations, IReadOnlyList<FinalVerdict> outcomes)
    {
        if (reconciliations.Count == 0)
        {
            return null;
        }
        var votes = Votes(verifications);
        return reconciliations.Select((reconcile, i) => (object)new
        {
            round = i + 1,
            verify_votes = votes,
            attack = i < attacks.Count ? Attack(attacks[i]) : null,
            reconciliation = reconcile.Failed
                ? (object)new { failed = true }
                : new
                {
                    verdict = reconcile.Verdict?.Name(),
                    rationale = reconcile.Rationale,
                    suggested_correction = reconcile.Text("suggested_correction"),
                    citations = reconcile.Citations.Select(c => new { c.Citation.PassageId, c.Citation.Page, c.Citation.Quote, check = c.Describe() }),
                },
            outcome = i < outcomes.Count ? new { verdict = outcomes[i].Verdict.Name(), decided_by = outcomes[i].From, overruled = outcomes[i].Overruled } : null,
        }).ToArray();
    }

    /// <summary>The verify verdicts as counted by the policy: valid votes by verdict, and how many were not_checkable or failed.</summary>
    public static IReadOnlyDictionary<string, int> Votes(IReadOnlyList<PanelAnswer> verifications) =>
        new SortedDictionary<string, int>(
            verifications.GroupBy(v => v.Failed ? "failed" : v.Verdict?.Name() ?? "failed").ToDictionary(g => g.Key, g => g.Count()),
            StringComparer.Ordinal);

    private static object Attack(PanelAnswer attack) => attack.Failed
        ? new { failed = true }
        : new
        {
            proposed_verdict = attack.Verdict?.Name(),
            challenges = attack.Parsed is { } p && p.TryGetProperty("challenges", out var c) ? c : (System.Text.Json.JsonElement?)null,
            citations = attack.Citations.Select(ci => new { ci.Citation.Quote, check = ci.Describe() }),
        };
}
