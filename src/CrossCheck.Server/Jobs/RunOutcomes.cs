using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;

namespace CrossCheck.Server.Jobs;

/// <summary>Ends a run's record once (succeeded, failed or cancelled), whichever job in whichever process ends it, and counts it.</summary>
public sealed class RunOutcomes(IRunStore store, TimeProvider time, ServeMetrics metrics)
{
    public async Task FinishAsync(string runId, Func<RunRecord, RunRecord> change)
    {
        var ended = false;
        await store.UpdateAsync(runId, r =>
        {
            if (r.Finished)
            {
                return r;
            }
            var next = change(r) with { Updated = time.GetUtcNow() };
            ended = next.Finished;
            return next;
        }, CancellationToken.None).ConfigureAwait(false);
        if (ended && await store.GetAsync(runId, CancellationToken.None).ConfigureAwait(false) is { } run)
        {
            metrics.Finished(run.Status);
        }
    }

    public Task CancelledAsync(string runId) => FinishAsync(runId, r => r with { Status = RunStatus.Cancelled });
}
