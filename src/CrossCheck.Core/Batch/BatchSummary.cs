using CrossCheck.Agreement;
using CrossCheck.Checks;
using CrossCheck.Reports;
using CrossCheck.Runs;

namespace CrossCheck.Batch;

/// <summary>
/// A batch's summary: per essay its run folder and verdict counts, and agreement pooled over every judged claim of
/// every essay (one ratings table, the same panelists as columns), with bootstrap intervals over the pooled claims.
/// </summary>
public sealed record BatchSummary(IReadOnlyList<BatchSummary.EssayLine> Essays, RunAgreement? Pooled, AgreementIntervals? Intervals, decimal CostUsd, IReadOnlyList<string> Failed)
{
    public sealed record EssayLine(string Id, string Folder, int Claims, int Checkable, IReadOnlyDictionary<string, int> ByVerdict, decimal CostUsd, bool Complete);

    public static BatchSummary From(IReadOnlyList<RunResult> runs, IReadOnlyList<string> failed)
    {
        var lines = runs.Select(r =>
        {
            var summary = RunSummary.From(r);
            return new EssayLine(r.RunId, r.Folder, summary.Claims, summary.Checkable, summary.ByVerdict, summary.Cost?.CostUsd ?? 0m, r.Complete);
        }).ToArray();
        var panel = runs.FirstOrDefault()?.Options.Panel ?? [];
        RunAgreement? pooled = null;
        AgreementIntervals? intervals = null;
        if (panel.Count > 1)
        {
            var judged = runs.SelectMany(r => r.Outcomes.Where(o => o.Panel is not null).Select(o => o with { Claim = o.Claim with { Id = $"{r.RunId}/{o.Claim.Id}" } })).ToArray();
            var table = ResearchFigures.Ratings(judged, panel);
            pooled = AgreementAnalyzer.Analyze(table);
            intervals = judged.Length > 0 ? Bootstrap.Intervals(table) : null;
        }
        return new BatchSummary(lines, pooled, intervals, lines.Sum(l => l.CostUsd), failed);
    }

    public int Count(Verdict verdict) => Essays.Sum(e => e.ByVerdict.GetValueOrDefault(verdict.Name()));
}
