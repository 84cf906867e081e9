using CrossCheck.Agreement;
using CrossCheck.Checks;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Runs;

namespace CrossCheck.Reports;

/// <summary>
/// The figures a researcher needs beyond the point estimates (issue 13): the aggregation rule that drew the final
/// verdicts, bootstrap intervals for every agreement figure, and with <c>--trials</c> each panelist's stability.
/// Computed once from the run, so matrix.json, methodology.md and report.html show the same numbers.
/// </summary>
public sealed record ResearchFigures(string Aggregation, string AggregationRule, AgreementIntervals? Intervals, TrialFigures? Trials)
{
    public static ResearchFigures? From(RunResult run, int seed = Bootstrap.DefaultSeed, int replicates = Bootstrap.DefaultReplicates)
    {
        var panel = run.Options.Panel;
        if (panel.Count == 0)
        {
            return null;
        }
        var judged = run.Outcomes.Where(o => o.Panel is not null).ToArray();
        var table = Ratings(judged, panel);
        var rule = run.Options.PanelOptions.Aggregation;
        return new ResearchFigures(
            rule.Name(),
            rule.Describe(),
            panel.Count > 1 && judged.Length > 0 ? Bootstrap.Intervals(table, seed, replicates) : null,
            TrialFigures.From(judged, panel));
    }

    /// <summary>Claims × panelists of verify verdicts, each claim with its drafter's family (as <see cref="PanelSummary"/> builds it).</summary>
    public static RatingsTable Ratings(IReadOnlyList<ClaimOutcome> judged, IReadOnlyList<PanelistSpec> panel) => new(
        [.. judged.Select(o => new RatedClaim(o.Claim.Id, o.Panel!.Roles.Drafter.Family))],
        [.. panel.Select(p => new RatedPanelist(p.Id, p.Family))],
        [.. judged.Select(o => (IReadOnlyList<Verdict?>)[.. panel.Select(p => o.Panel!.VerificationBy(p) is { } v ? (Verdict?)(v.Verdict ?? Verdict.Failed) : null)])]);
}
