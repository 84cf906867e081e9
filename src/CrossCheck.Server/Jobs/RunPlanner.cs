using CrossCheck.Provenance;
using CrossCheck.Running;
using CrossCheck.Runs;
using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;
using Hangfire;

namespace CrossCheck.Server.Jobs;

/// <summary>
/// Plans a run whose claims are checked as jobs of their own: the steps before the panel (ingest, open, index,
/// claims, grounding: <see cref="CheckRunner.PlanSteps"/>) into the run folder's log, which then becomes the run's
/// shared chain; the checkable claims go into the run store, and one <see cref="ClaimJob"/> is queued per claim.
/// A run planned already (a restart, or a planner that died after planning) is only handed out again: its pending
/// claims are queued, or its finishing job when none is left.
/// </summary>
public sealed class RunPlanner(CheckRunner runner, IRunStore store, IProvenanceChain chain, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>
    /// Whether a run's claims are handed out as jobs: when it has a panel. A grounding-only run has no claim work to
    /// spread; a run with the extraction stage finds its claims with a model, so it runs as one job as before.
    /// </summary>
    public static bool HandsOutClaims(RunOptions options) => options.Panel.Count > 0 && !options.PanelOptions.Extract && options.Replay is null;

    public async Task PlanAsync(RunRecord run, int attempt, RunOptions options, ProgressSink progress, CancellationToken cancellationToken)
    {
        if (!run.Planned)
        {
            string log;
            string[] checkable;
            using (var state = new RunState(options, progress, time.GetUtcNow()))
            {
                await runner.RunStepsAsync(state, runner.PlanSteps, cancellationToken).ConfigureAwait(false);
                log = Path.Combine(state.PartialFolder, "provenance.jsonl");
                checkable = [.. state.Claims.Where(c => c.Checkable).Select(c => c.Id)];
            }
            await progress.FlushAsync().ConfigureAwait(false);
            await chain.ImportAsync(run.Id, log, cancellationToken).ConfigureAwait(false);
            await store.AddClaimsAsync(run.Id, checkable, cancellationToken).ConfigureAwait(false);
            await store.UpdateAsync(run.Id, r => r with { Planned = true, Stage = "panel", Done = 0, Total = checkable.Length, Updated = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        }
        else if (attempt > 1)
        {
            await LogResumedAsync(run.Id, cancellationToken).ConfigureAwait(false);
        }
        var pending = (await store.ClaimsAsync(run.Id, cancellationToken).ConfigureAwait(false)).Where(c => c.State == ClaimRow.Pending).ToArray();
        foreach (var claim in pending)
        {
            jobs.Enqueue<ClaimJob>(j => j.ExecuteAsync(run.Id, claim.ClaimId, CancellationToken.None));
        }
        if (pending.Length == 0)
        {
            jobs.Enqueue<FinishRunJob>(j => j.ExecuteAsync(run.Id, CancellationToken.None));
        }
    }

    /// <summary>A planned run handed out again (after a restart): the chain says so, with how many answers it holds for the claims to reuse.</summary>
    private async Task LogResumedAsync(string runId, CancellationToken cancellationToken)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"crosscheck-{runId}-{Guid.NewGuid():n}.jsonl");
        try
        {
            var records = await chain.ExportAsync(runId, copy, cancellationToken).ConfigureAwait(false);
            var answers = RecordedAnswers.Load(copy).Count;
            var entry = new RunResumedEntry(runId, records, false, answers);
            await chain.AppendAsync(runId, entry.Type, entry, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
