using CrossCheck.Checks;
using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCheck.Server.Jobs;

/// <summary>
/// The Hangfire job that finishes a planned run, given its id only, once every claim is done: agreement and reports
/// (<see cref="RunFinisher"/>). It holds the run's lease while it works, so a second copy of it waits or finds the run
/// finished.
/// </summary>
public sealed class FinishRunJob(
    IRunStore store,
    RunContexts contexts,
    RunFinisher finisher,
    RunOutcomes outcomes,
    IOptions<ServeOptions> serve,
    TimeProvider time,
    ServeMetrics metrics,
    ILogger<FinishRunJob> logger)
{
    [Hangfire.AutomaticRetry(Attempts = 5, OnAttemptsExceeded = Hangfire.AttemptsExceededAction.Fail)]
    public async Task ExecuteAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await store.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null || run.Finished)
        {
            return;
        }
        if (run.CancelRequested)
        {
            await outcomes.CancelledAsync(runId).ConfigureAwait(false);
            return;
        }
        var rows = await store.ClaimsAsync(runId, cancellationToken).ConfigureAwait(false);
        if (rows.Any(r => r.State == ClaimRow.Pending))
        {
            // Queued early: the job that completes the last claim queues this again.
            return;
        }
        if (await store.TryLeaseAsync(runId, RunJob.WorkerId, RunJob.LeaseDuration(serve.Value), cancellationToken, counted: false).ConfigureAwait(false) is null)
        {
            if (await store.GetAsync(runId, cancellationToken).ConfigureAwait(false) is { Finished: true })
            {
                return;
            }
            throw new RunLeasedException($"run {runId} is leased by another worker");
        }
        try
        {
            var context = await contexts.GetAsync(run).ConfigureAwait(false);
            var sink = new ProgressSink(store, runId, time, metrics);
            var result = await finisher.FinishAsync(runId, context, rows, sink, cancellationToken).ConfigureAwait(false);
            await sink.FlushAsync().ConfigureAwait(false);
            var verdicts = VerdictNames.All.ToDictionary(v => v.Name(), v => result.Count(v), StringComparer.Ordinal);
            await outcomes.FinishAsync(runId, r => r with { Status = RunStatus.Succeeded, Verdicts = verdicts, Complete = result.Complete, Stage = "report", Done = 1, Total = 1 }).ConfigureAwait(false);
            ServeLog.RunFinished(logger, runId, "succeeded");
        }
        catch (Exception e) when (RunJob.Describe(e) is { } message)
        {
            await outcomes.FinishAsync(runId, r => r with { Status = RunStatus.Failed, Error = message }).ConfigureAwait(false);
            ServeLog.RunFinished(logger, runId, "failed: " + message);
        }
        finally
        {
            await store.ReleaseLeaseAsync(runId, RunJob.WorkerId, CancellationToken.None).ConfigureAwait(false);
            contexts.Evict(runId);
        }
    }
}
