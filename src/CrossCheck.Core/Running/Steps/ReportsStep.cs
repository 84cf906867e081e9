using CrossCheck.Provenance;
using CrossCheck.Reports;
using CrossCheck.Reports.Html;
using CrossCheck.Runs;

namespace CrossCheck.Running.Steps;

/// <summary>
/// Writes every report (run.json, claims.json, matrix.csv/json, report.md/html), ends the log with run_end, writes
/// methodology.md with the log's head hash, and only then renames the folder into place: a run folder that exists
/// is complete.
/// </summary>
public sealed class ReportsStep(TimeProvider time, Func<Safety.InstallationKey?>? signingKey = null) : IRunStep
{
    public string Name => "report";

    public Task RunAsync(RunState state, CancellationToken cancellationToken)
    {
        var options = state.Options;
        var outcomes = state.Claims.Select((c, i) => new ClaimOutcome(c, state.Groundings[i], state.Panels[i])).ToArray();
        var result = new RunResult
        {
            RunId = state.RunId,
            Folder = state.FinalFolder,
            Started = options.Replay?.Started ?? state.Started,
            Finished = options.Replay?.Finished ?? time.GetUtcNow(),
            Essay = state.Essay,
            Sources = state.Sources,
            PassageCount = state.Corpus.Passages.Count,
            Outcomes = outcomes,
            Options = options,
            ProgramVersion = CheckRunner.ProgramVersion,
            Prompts = state.Prompts?.All.ToArray() ?? [],
            Costs = state.Meter,
            UncheckedClaims = state.UncheckedClaims,
            Extraction = state.Panel?.Extraction ?? Panel.ExtractionReport.None,
            Preflight = state.Preflight,
        };
        state.Result = result;
        var partial = state.PartialFolder;
        var records = outcomes.Select(ClaimRecord.From).ToArray();
        var summary = RunSummary.From(result);
        state.Report(Name, 0, 1);
        RunFolder.WriteSpec(Path.Combine(partial, "run.json"), result);
        ClaimsJsonWriter.Write(Path.Combine(partial, "claims.json"), state.RunId, records);
        MatrixCsvWriter.Write(Path.Combine(partial, "matrix.csv"), records, options.Panel);
        var research = ResearchFigures.From(result);
        MatrixJsonWriter.Write(Path.Combine(partial, "matrix.json"), state.RunId, records, summary, options.Panel, research);
        // A replay of a reviewed run shows the editor's decisions its log holds, as `crosscheck review` rendered them.
        var review = options.Replay is { } replayed ? Review.HumanReview.FromLog(replayed.OriginalLog) : null;
        MarkdownReportWriter.Write(Path.Combine(partial, "report.md"), result, records, summary, review);
        File.AppendAllText(Path.Combine(partial, "report.md"), ResearchSections.Markdown(research));
        HtmlReportWriter.Write(Path.Combine(partial, "report.html"), result, records, summary, review, options.SourceLinks);
        if (research?.Intervals is { } intervals)
        {
            state.Log.Append(new AgreementIntervalsEntry(intervals.Method, intervals.Seed, intervals.Replicates, intervals.Level, intervals.Claims));
        }
        state.Log.Append(new RunEndEntry(state.RunId, result.Started, result.Finished, summary.Claims, summary.ByVerdict,
            result.FailingVerdicts.Select(v => Checks.VerdictNames.Name(v)), result.Complete, state.UncheckedClaims, summary.Cost));
        var lastHash = state.Log.LastHash;
        var logRecords = (int)state.Log.Count;
        state.Log.Dispose();
        LogSeal seal;
        if (options.Replay is { } r)
        {
            File.Copy(r.OriginalLog, Path.Combine(partial, "provenance.jsonl"));
            var original = ProvenanceVerifier.Verify(r.OriginalLog);
            lastHash = original.LastHash;
            // A replay republishes the original seal (signatures are randomised, so signing again would change the bytes).
            seal = LogSeal.ReadFrom(Path.Combine(Path.GetDirectoryName(r.OriginalLog)!, "run.json")).Seal
                ?? LogSeal.Create(state.RunId, lastHash, original.Records, null);
        }
        else
        {
            using var key = signingKey?.Invoke();
            seal = LogSeal.Create(state.RunId, lastHash, logRecords, key);
        }
        LogSeal.WriteInto(Path.Combine(partial, "run.json"), seal);
        MethodologyWriter.Write(Path.Combine(partial, "methodology.md"), result, summary, lastHash, seal, review);
        File.AppendAllText(Path.Combine(partial, "methodology.md"), ResearchSections.Methodology(research));
        Directory.Move(partial, state.FinalFolder);
        state.Report(Name, 1, 1, state.FinalFolder);
        return Task.CompletedTask;
    }
}
