using System.Text.Json;
using CrossCheck.Provenance;
using CrossCheck.Runs;

namespace CrossCheck.Running;

/// <summary>The files of a run folder: <c>run.json</c> holds the spec the run was made with.</summary>
public static class RunFolder
{
    public const string SpecFormat = "crosscheck.run/1";

    public static void WriteSpec(string path, RunResult run)
    {
        var spec = new
        {
            format = SpecFormat,
            run_id = run.RunId,
            version = run.ProgramVersion,
            started = run.Started,
            finished = run.Finished,
            command = run.Options.CommandLine,
            essay = new { path = run.Essay.Path, sha256 = run.Essay.Sha256 },
            sources = run.Sources.Select(s => new { id = s.Id, path = s.Path, sha256 = s.Sha256, pages = s.Pages.Count }),
            panel = run.Options.Panel.Select(p => p.Id).Prepend(Checks.GroundingChecker.PanelistName),
            evidence_token_budget = run.Options.EvidenceTokenBudget,
            fail_on = run.Options.FailOn.Select(Checks.VerdictNames.Name),
            complete = run.Complete,
            unchecked_claims = run.UncheckedClaims,
            aggregation = run.Options.Panel.Count > 0 ? Panel.AggregationRules.Name(run.Options.PanelOptions.Aggregation) : null,
            trials = run.Options.PanelOptions.Trials > 1 ? run.Options.PanelOptions.Trials : (int?)null,
            since = run.Options.Since,
        };
        File.WriteAllText(path, JsonSerializer.Serialize(spec, ReportJson.Indented));
    }
}
