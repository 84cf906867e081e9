using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Models;
using CrossCheck.Provenance;

namespace CrossCheck.Reports;

/// <summary>Writes <c>matrix.json</c>: the panelists, one verdict per panelist per claim, the final verdict and the counts.</summary>
public static class MatrixJsonWriter
{
    public const string Format = "crosscheck.matrix/1";

    /// <param name="research">Aggregation rule, bootstrap intervals and trials (<see cref="ResearchFigures"/>); left out when null.</param>
    public static void Write(string path, string runId, IReadOnlyList<ClaimRecord> claims, RunSummary summary, IReadOnlyList<Models.PanelistSpec> panel, ResearchFigures? research = null)
    {
        var rows = claims.Select(c => new
        {
            claim_id = c.Id,
            line = c.Line,
            text = c.Text,
            kind = c.Kind,
            checkable = c.Checkable,
            verdicts = c.Verdicts,
            final_verdict = c.FinalVerdict,
            final_from = c.Panel?.FinalFrom ?? GroundingChecker.PanelistName,
            overruled = c.Panel?.Overruled,
            agreement = c.Panel?.Agreement,
            agreement_label = c.Panel?.AgreementLabel,
            failed_votes = c.Panel?.FailedVotes,
            citations_verified = c.Panel?.CitationsVerified,
            flags = c.Panel?.Flags,
            evidence = c.Grounding.BestEvidence,
            trials = research?.Trials?.Claims.FirstOrDefault(t => t.ClaimId == c.Id),
        });
        using var stream = File.Create(path);
        JsonSerializer.Serialize(
            stream,
            new
            {
                format = Format,
                run_id = runId,
                panelists = panel.Select(p => new { id = p.Id, provider = p.Provider, model = p.Model, family = p.Family }).Prepend(new { id = GroundingChecker.PanelistName, provider = "offline", model = "grounding-checker", family = "offline" }),
                summary,
                research = research is null ? null : new
                {
                    aggregation = new { rule = research.Aggregation, description = research.AggregationRule },
                    intervals = research.Intervals,
                    trials = research.Trials is { } t ? new { trials = t.Trials, panelists = t.Panelists } : null,
                },
                claims = rows,
            },
            ReportJson.Indented);
    }
}
