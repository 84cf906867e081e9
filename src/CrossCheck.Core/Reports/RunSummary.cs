using CrossCheck.Checks;
using CrossCheck.Runs;

namespace CrossCheck.Reports;

/// <summary>Counts every report shows, computed once from the run.</summary>
public sealed record RunSummary(
    int Claims,
    int Checkable,
    IReadOnlyDictionary<string, int> ByVerdict,
    int Quotes,
    int QuotesVerified,
    int Numbers,
    int NumbersFound,
    int SectionReferences,
    int SectionsHolding,
    PanelSummary? Panel,
    CostSummary? Cost,
    IReadOnlyList<string> UncheckedClaims)
{
    public static RunSummary From(RunResult run)
    {
        var grounding = run.Outcomes.Select(o => o.Grounding).ToArray();
        return new RunSummary(
            run.Outcomes.Count,
            run.Outcomes.Count(o => o.Claim.Checkable),
            VerdictNames.All.ToDictionary(v => v.Name(), run.Count),
            grounding.Sum(g => g.Quotes.Count),
            grounding.Sum(g => g.Quotes.Count(q => q.Verified)),
            grounding.Sum(g => g.Numbers.Count),
            grounding.Sum(g => g.Numbers.Count(n => n.Match == NumberMatch.Found)),
            grounding.Sum(g => g.Sections.Count),
            grounding.Sum(g => g.Sections.Count(s => s.Match == SectionMatch.Holds)),
            PanelSummary.From(run),
            run.Costs is { } meter && run.Options.Panel.Count > 0 ? CostSummary.From(meter) : null,
            run.UncheckedClaims);
    }
}
