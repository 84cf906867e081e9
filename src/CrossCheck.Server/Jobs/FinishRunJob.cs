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
    /// <summary>
    /// The runs being finished in this process. The run lease is per worker process, so it does not keep two finishers
    /// of one process apart (two claims ending together, or the backup job firing while the first finisher still
    /// writes): both would append reports and a second run_end to the chain. This does.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Finishing = new(StringComparer.Ordinal);

    /// <summary>The Hangfire entry (the backup finisher): when this process is finishing the run already, it is tried again later.</summary>
    [Hangfire.AutomaticRetry(Attempts = 5, OnAttemptsExceeded = Hangfire.AttemptsExceededAction.Fail)]
    public Task ExecuteAsync(string runId, CancellationToken cancellationToken) => FinishAsync(runId, retryLater: true, cancellationToken);

    /// <summary>Finishes the run in this process at once (the job that completed its last claim); does nothing when this process is finishing it already.</summary>
    public Task FinishHereAsync(string runId, CancellationToken cancellationToken) => FinishAsync(runId, retryLater: false, cancellationToken);

    private async Task FinishAsync(string runId, bool retryLater, CancellationToken cancellationToken)
    {
        if (!Finishing.TryAdd(runId, 0))
        {
            if (retryLater)
            {
                throw new RunLeasedException($"run {runId} is being finished by this process");
            }
            return;
        }
        try
        {
            await FinishOnceAsync(runId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Finishing.TryRemove(runId, out _);
        }
    }

    private async Task FinishOnceAsync(string runId, CancellationToken cancellationToken)
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
