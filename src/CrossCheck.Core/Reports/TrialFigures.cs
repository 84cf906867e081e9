using CrossCheck.Checks;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Runs;

namespace CrossCheck.Reports;

/// <summary>
/// Repeated trials (<c>--trials N</c>): every recorded verdict per claim and panelist, a panelist's stability on a
/// claim (the share of its trials that gave its modal verdict), the claim's stability (the mean over panelists), and
/// each panelist's self-consistency (its mean stability over claims, and the share of claims on which every trial
/// agreed).
/// </summary>
public sealed record TrialFigures(int Trials, IReadOnlyList<TrialFigures.ClaimTrials> Claims, IReadOnlyList<TrialFigures.PanelistConsistency> Panelists)
{
    public sealed record ClaimTrials(string ClaimId, double Stability, IReadOnlyDictionary<string, IReadOnlyList<Verdict>> Verdicts, IReadOnlyDictionary<string, double> PanelistStability);

    public sealed record PanelistConsistency(string Panelist, double SelfConsistency, double FullyConsistentShare, int Claims);

    public static TrialFigures? From(IReadOnlyList<ClaimOutcome> judged, IReadOnlyList<PanelistSpec> panel)
    {
        var withTrials = judged.Where(o => o.Panel!.VerifyTrials.Count > 1).ToArray();
        if (withTrials.Length == 0)
        {
            return null;
        }
        var claims = withTrials.Select(o =>
        {
            var trials = o.Panel!.VerifyTrials;
            var verdicts = panel.Select((p, i) => (p.Id, Verdicts: (IReadOnlyList<Verdict>)[.. trials.Select(t => Panel.Trials.VerdictOf(t[i]))])).ToDictionary(x => x.Id, x => x.Verdicts);
            var stability = verdicts.ToDictionary(v => v.Key, v => Math.Round(Panel.Trials.Stability(v.Value), 4));
            return new ClaimTrials(o.Claim.Id, Math.Round(stability.Values.Average(), 4), verdicts, stability);
        }).ToArray();
        var panelists = panel.Select(p => new PanelistConsistency(
            p.Id,
            Math.Round(claims.Average(c => c.PanelistStability[p.Id]), 4),
            Math.Round(claims.Count(c => c.PanelistStability[p.Id] >= 1) / (double)claims.Length, 4),
            claims.Length)).ToArray();
        return new TrialFigures(withTrials.Max(o => o.Panel!.VerifyTrials.Count), claims, panelists);
    }
}
