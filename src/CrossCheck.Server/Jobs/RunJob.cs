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
/// The Hangfire job that runs one submitted run, given its id only. It runs the same pipeline as <c>check</c>
/// (<see cref="CheckRunner"/>) into <c>&lt;data&gt;/runs</c>; a run that a restart or another worker picks up
/// again resumes from its <c>.partial</c> folder's log, so no recorded answer is paid for twice.
/// </summary>
public sealed class RunJob(
    IRunStore store,
    CheckRunner runner,
    IOptions<ServeOptions> serve,
    IOptions<CrossCheckOptions> config,
    ProviderRegistry registry,
    RunCancellations cancellations,
    TimeProvider time,
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
        run = await store.UpdateAsync(runId, r => r with { Status = RunStatus.Running, Attempt = r.Attempt + 1, Updated = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        ServeLog.RunStarted(logger, runId, run!.Attempt);
        using var registration = cancellations.Register(runId, cancellationToken);
        var sink = new ProgressSink(store, runId, time);
        using var watch = new CancelWatch(store, runId, registration, time);
        try
        {
            var options = new RunOptionsFactory(serve.Value, config.Value, registry).Build(runId, run.Owner, run.Submission);
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
    }

    /// <summary>The one-line message of an error the submitter can fix, as the CLI gives it; null for anything else.</summary>
    public static string? Describe(Exception e) => e switch
    {
        Ingest.InputException or Models.ProviderConfigurationException => e.Message,
        _ => null,
    };

    private Task FinishAsync(string runId, Func<RunRecord, RunRecord> change) =>
        store.UpdateAsync(runId, r => change(r) with { Updated = time.GetUtcNow() }, CancellationToken.None);

    /// <summary>Polls the run's record for a cancel request made in another process (the PostgreSQL profile); one made here cancels at once.</summary>
    private sealed class CancelWatch : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        public CancelWatch(IRunStore store, string runId, RunCancellations.Registration registration, TimeProvider time)
        {
            _ = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
                try
                {
                    while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                    {
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
