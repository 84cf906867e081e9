using System.Text.Json;
using System.Text.Json.Nodes;
using CrossCheck.Checks;
using CrossCheck.Runs;

namespace CrossCheck.Reports.Ci;

/// <summary>The run summary <c>check --json</c> prints on stdout: counts, problem claims, run folder and why the program exits as it does.</summary>
public static class CiSummary
{
    public const int FormatVersion = 1;

    public static string Write(RunResult run, int exitCode, string exitReason)
    {
        var counts = new JsonObject();
        foreach (var v in VerdictNames.All)
        {
            counts[v.Name()] = run.Count(v);
        }
        var problems = new JsonArray();
        foreach (var p in ProblemClaims.From(run))
        {
            problems.Add(new JsonObject
            {
                ["id"] = p.Id,
                ["verdict"] = p.Verdict.Name(),
                ["line"] = p.Line,
                ["column"] = p.Column,
                ["reason"] = p.ShortReason(400),
                ["evidence_source"] = p.EvidenceSource,
                ["evidence_page"] = p.EvidencePage,
                ["text"] = p.Text,
            });
        }
        var summary = new JsonObject
        {
            ["format_version"] = FormatVersion,
            ["run_id"] = run.RunId,
            ["run_folder"] = run.Folder,
            ["exit_code"] = exitCode,
            ["exit_reason"] = exitReason,
            ["complete"] = run.Complete,
            ["claims"] = run.Outcomes.Count,
            ["checkable"] = run.Outcomes.Count(o => o.Claim.Checkable),
            ["counts"] = counts,
            ["problem_claims"] = problems,
            ["essay"] = run.Essay.Path,
            ["sources"] = new JsonArray([.. run.Sources.Select(s => (JsonNode?)JsonValue.Create(s.Path))]),
            ["panel"] = new JsonArray([.. run.Options.Panel.Select(p => (JsonNode?)JsonValue.Create(p.Id))]),
            ["unchecked_claims"] = new JsonArray([.. run.UncheckedClaims.Select(c => (JsonNode?)JsonValue.Create(c))]),
        };
        return summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
