using CrossCheck.Checks;
using CrossCheck.Hosting;
using CrossCheck.Panel.Providers;
using CrossCheck.Running;
using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCheck.Server.Jobs;

/// <summary>
/// The Hangfire job that starts one submitted run, given its id only. A run with a panel is planned
/// (<see cref="RunPlanner"/>) and its claims handed out as jobs of their own; any other run goes through the same
/// pipeline as <c>check</c> (<see cref="CheckRunner"/>) here. Either writes into <c>&lt;data&gt;/runs</c>; a run that a
/// restart or another worker picks up again resumes from its <c>.partial</c> folder's log or chain, so no recorded
/// answer is paid for twice.
/// </summary>
public sealed class RunJob(
    IRunStore store,
    CheckRunner runner,
    RunPlanner planner,
    IOptions<ServeOptions> serve,
    IOptions<CrossCheckOptions> config,
    ProviderRegistry registry,
    RunCancellations cancellations,
    TimeProvider time,
    ServeMetrics metrics,
    ILogger<RunJob> logger)
{
    [AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task ExecuteAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await store.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null || run.Finished)
        {
            return;
        }
        if (run.CancelRequested)
        {
            await FinishAsync(runId, r => r with { Status = RunStatus.Cancelled }).ConfigureAwait(false);
            return;
        }
        var lease = LeaseDuration(serve.Value);
        if (await store.TryLeaseAsync(runId, WorkerId, lease, cancellationToken).ConfigureAwait(false) is not { } attempt)
        {
            if (await store.GetAsync(runId, cancellationToken).ConfigureAwait(false) is { Finished: true })
            {
                return;
            }
            // Another live worker holds the run's lease: it is running it. Hangfire tries again later.
            throw new RunLeasedException($"run {runId} is leased by another worker");
        }
        ServeLog.RunStarted(logger, runId, attempt);
        using var registration = cancellations.Register(runId, cancellationToken);
        var sink = new ProgressSink(store, runId, time, metrics);
        using var watch = new LeaseWatch(store, runId, registration, lease, TimeSpan.FromMilliseconds(Math.Min(1000, lease.TotalMilliseconds / 4)), time);
        try
        {
            var options = new RunOptionsFactory(serve.Value, config.Value, registry).Build(runId, run!.Owner, run.Submission);
            if (run.Planned || RunPlanner.HandsOutClaims(options))
            {
                // Plan, then each claim is a job of its own (any process may take it) and a last job finishes the run.
                await planner.PlanAsync(run, attempt, options, sink, registration.Token).ConfigureAwait(false);
                return;
            }
            var result = await runner.RunAsync(options, sink, registration.Token).ConfigureAwait(false);
            await sink.FlushAsync().ConfigureAwait(false);
            var verdicts = VerdictNames.All.ToDictionary(v => v.Name(), v => result.Count(v), StringComparer.Ordinal);
            await FinishAsync(runId, r => r with { Status = RunStatus.Succeeded, Verdicts = verdicts, Complete = result.Complete, Stage = "report", Done = 1, Total = 1 }).ConfigureAwait(false);
            ServeLog.RunFinished(logger, runId, "succeeded");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && registration.Token.IsCancellationRequested)
        {
            await sink.FlushAsync().ConfigureAwait(false);
            await FinishAsync(runId, r => r with { Status = RunStatus.Cancelled }).ConfigureAwait(false);
            ServeLog.RunFinished(logger, runId, "cancelled");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown (or the job was taken away): the run stays unfinished and is picked up again, resuming from its log.
            await store.UpdateAsync(runId, r => r.Finished ? r : r with { Status = RunStatus.Queued, Updated = time.GetUtcNow() }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        catch (CrossCheck.Runs.RunInProgressException)
        {
            // Another worker holds this run's lock (it is alive and running it): let Hangfire try again later.
            throw;
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            await FinishAsync(runId, r => r with { Status = RunStatus.Failed, Error = message }).ConfigureAwait(false);
            ServeLog.RunFinished(logger, runId, "failed: " + message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ServeLog.RunCrashed(logger, runId, e);
            await FinishAsync(runId, r => r with { Status = RunStatus.Failed, Error = $"internal error: {e.GetType().Name}: {e.Message}" }).ConfigureAwait(false);
        }
        finally
        {
            await store.ReleaseLeaseAsync(runId, WorkerId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>This process's name in run leases.</summary>
    public static string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("n")[..8]}";

    /// <summary>A lease lives as long as Hangfire's invisibility timeout: a dead worker's run is free when its job becomes visible again.</summary>
    public static TimeSpan LeaseDuration(ServeOptions serve) => TimeSpan.FromSeconds(Math.Max(2, serve.InvisibilityTimeoutSeconds));

    /// <summary>The one-line message of an error the submitter can fix, as the CLI gives it; null for anything else.</summary>
    public static string? Describe(Exception e) => e switch
    {
        Ingest.InputException or Models.ProviderConfigurationException => e.Message,
        _ => null,
    };

    private async Task FinishAsync(string runId, Func<RunRecord, RunRecord> change)
    {
        if (await store.UpdateAsync(runId, r => change(r) with { Updated = time.GetUtcNow() }, CancellationToken.None).ConfigureAwait(false) is { Finished: true } run)
        {
            metrics.Finished(run.Status);
        }
    }

    /// <summary>
    /// While the run runs: renews its lease, and polls its record for a cancel request made in another process (the
    /// PostgreSQL profile; one made in this process cancels at once).
    /// </summary>
    private sealed class LeaseWatch : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public LeaseWatch(IRunStore store, string runId, RunCancellations.Registration registration, TimeSpan lease, TimeSpan? interval, TimeProvider time)
        {
            _ = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(interval ?? TimeSpan.FromSeconds(1), time);
                var renewEvery = lease / 3;
                var lastRenew = time.GetTimestamp();
                try
                {
                    while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                    {
                        if (time.GetElapsedTime(lastRenew) >= renewEvery)
                        {
                            await store.RenewLeaseAsync(runId, WorkerId, lease, _stop.Token).ConfigureAwait(false);
                            lastRenew = time.GetTimestamp();
                        }
                        if (await store.GetAsync(runId, _stop.Token).ConfigureAwait(false) is { CancelRequested: true })
                        {
                            registration.Cancel();
                            return;
                        }
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or Npgsql.NpgsqlException)
                {
                }
            });
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
