using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CrossCheck.Server.Jobs;

/// <summary>
/// The Hangfire job that checks one claim of a planned run, given the run's and the claim's ids only: it takes the
/// claim's lease (so no other worker checks it at the same time and pays twice), checks it (<see cref="ClaimCheck"/>),
/// marks it done, and the job that completes the run's last claim finishes the run (<see cref="FinishRunJob"/>). A claim whose worker died is taken again once its lease has expired.
/// </summary>
public sealed class ClaimJob(
    IRunStore store,
    RunContexts contexts,
    ClaimCheck check,
    RunOutcomes outcomes,
    FinishRunJob finish,
    IBackgroundJobClient jobs,
    IOptions<ServeOptions> serve,
    TimeProvider time,
    ServeMetrics metrics)
{
    [AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task ExecuteAsync(string runId, string claimId, CancellationToken cancellationToken)
    {
        var run = await store.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null || run.Finished)
        {
            contexts.Evict(runId);
            return;
        }
        if (run.CancelRequested)
        {
            await outcomes.CancelledAsync(runId).ConfigureAwait(false);
            return;
        }
        var lease = RunJob.LeaseDuration(serve.Value);
        if (await TakeAsync(runId, claimId, lease, cancellationToken).ConfigureAwait(false) is not { } attempt)
        {
            return;
        }
        RunContext context;
        try
        {
            context = await contexts.GetAsync(run).ConfigureAwait(false);
        }
        catch
        {
            await store.ReleaseClaimAsync(runId, claimId, RunJob.WorkerId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        context.Begin(claimId);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.Cancelled);
        try
        {
            var state = await check.RunAsync(runId, context, claimId, attempt, linked.Token).ConfigureAwait(false);
            var pending = await store.CompleteClaimAsync(runId, claimId, state, CancellationToken.None).ConfigureAwait(false);
            metrics.ClaimChecked();
            await store.UpdateAsync(runId, r =>
            {
                if (r.Finished)
                {
                    return r;
                }
                ClaimProgress[] claims = [.. r.Claims.Select(c => c.Id == claimId ? c with { State = state } : c)];
                return r with
                {
                    Stage = "panel", Claims = claims, Done = claims.Count(c => c.State is ClaimRow.Checked or ClaimRow.Unchecked), Total = context.CheckableIds.Count, Updated = time.GetUtcNow(),
                };
            }, CancellationToken.None).ConfigureAwait(false);
            if (pending == 0)
            {
                // The last claim's process finishes the run at once: it holds the run's state already. A finishing job
                // scheduled one lease later does it instead if this process dies first (and finds it done otherwise).
                jobs.Schedule<FinishRunJob>(j => j.ExecuteAsync(runId, CancellationToken.None), lease);
                await finish.FinishHereAsync(runId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && context.Cancelled.IsCancellationRequested)
        {
            await store.ReleaseClaimAsync(runId, claimId, RunJob.WorkerId, CancellationToken.None).ConfigureAwait(false);
            await outcomes.CancelledAsync(runId).ConfigureAwait(false);
        }
        catch
        {
            // Shutdown, or an error Hangfire retries: the claim is free again at once (its recorded answers stay in the chain).
            await store.ReleaseClaimAsync(runId, claimId, RunJob.WorkerId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            context.End(claimId);
        }
    }

    /// <summary>
    /// The claim's lease and attempt number; null when the claim is done or a live worker holds it. A lease that
    /// is not renewed while this job waits it out belonged to a dead worker: the claim is taken then.
    /// </summary>
    private async Task<int?> TakeAsync(string runId, string claimId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var take = await store.TryLeaseClaimAsync(runId, claimId, RunJob.WorkerId, lease, cancellationToken).ConfigureAwait(false);
        if (!take.Taken && !take.Done)
        {
            // Still held after its lease should have run out: renewed, so its worker is alive and checking it (and that worker's own job takes it again if it dies).
            await Task.Delay(take.LeaseLeft + TimeSpan.FromMilliseconds(250), time, cancellationToken).ConfigureAwait(false);
            take = await store.TryLeaseClaimAsync(runId, claimId, RunJob.WorkerId, lease, cancellationToken).ConfigureAwait(false);
        }
        return take.Attempt;
    }
}
