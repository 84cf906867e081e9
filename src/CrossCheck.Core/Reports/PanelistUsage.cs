using CrossCheck.Models;
using CrossCheck.Panel;

namespace CrossCheck.Reports;

/// <summary>
/// What one panelist really did in a run: the roles it played with a usable answer (draft, verify, attack, reconcile),
/// its calls that failed, and the roles taken from it because its provider was down. A panelist whose failed calls pass
/// <see cref="DegradedFailureShare"/> of its calls makes the run "degraded" (exit 6 unless --allow-degraded).
/// </summary>
public sealed record PanelistUsage(string Panelist, int Drafts, int Verifies, int Attacks, int Reconciles, int Calls, int FailedCalls, int ReassignedAway)
{
    /// <summary>The documented limit: more than this share of a panelist's calls failing makes the run degraded.</summary>
    public const double DegradedFailureShare = 0.2;

    public bool Degraded => Calls > 0 && (double)FailedCalls / Calls > DegradedFailureShare;

    public static IReadOnlyList<PanelistUsage> From(IReadOnlyList<PanelistSpec> panel, IReadOnlyList<ClaimPanel> claims) =>
        panel.Select(p =>
        {
            var answers = claims.SelectMany(c => c.AllAnswers).Where(a => a.Panelist == p).ToArray();
            int Played(string stage) => answers.Count(a => !a.Failed && string.Equals(a.Stage, stage, StringComparison.OrdinalIgnoreCase));
            return new PanelistUsage(
                p.Id,
                Played("draft"), Played("verify"), Played("attack"), Played("reconcile"),
                answers.Length,
                answers.Count(a => a.Failed),
                claims.Sum(c => c.Roles.Notes.Count(n => n.Contains($"reassigned from {p.Id} ", StringComparison.Ordinal))));
        }).ToArray();

    public string Describe() =>
        $"{Panelist}: draft {Drafts}, verify {Verifies}, attack {Attacks}, reconcile {Reconciles}; {FailedCalls} of {Calls} calls failed; {ReassignedAway} role(s) reassigned away";
}
