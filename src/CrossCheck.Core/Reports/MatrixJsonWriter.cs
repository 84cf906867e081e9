using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Provenance;

namespace CrossCheck.Reports;

/// <summary>Writes <c>matrix.json</c>: the panelists, one verdict per panelist per claim, the final verdict and the counts.</summary>
public static class MatrixJsonWriter
{
    public const string Format = "crosscheck.matrix/1";

    public static void Write(string path, string runId, IReadOnlyList<ClaimRecord> claims, RunSummary summary)
    {
        var rows = claims.Select(c => new
        {
            claim_id = c.Id,
            line = c.Line,
            text = c.Text,
            kind = c.Kind,
            checkable = c.Checkable,
            verdicts = new Dictionary<string, Verdict> { [GroundingChecker.PanelistName] = c.Grounding.Verdict },
            final_verdict = c.FinalVerdict,
            evidence = c.Grounding.BestEvidence,
        });
        using var stream = File.Create(path);
        JsonSerializer.Serialize(
            stream,
            new { format = Format, run_id = runId, panelists = new[] { GroundingChecker.PanelistName }, summary, claims = rows },
            ReportJson.Indented);
    }
}
