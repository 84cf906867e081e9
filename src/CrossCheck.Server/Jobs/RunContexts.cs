using System.Collections.Concurrent;
using CrossCheck.Checks;
using CrossCheck.Provenance;
using CrossCheck.Running;
using CrossCheck.Running.Steps;
using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;
using Microsoft.Extensions.Options;

namespace CrossCheck.Server.Jobs;

/// <summary>
/// The <see cref="RunContext"/> of each planned run this process is checking claims of, built on the first claim
/// job that needs it and dropped when the run ends. While claims of a run are in flight here, one watch per run
/// renews their leases and looks for a cancel request made in another process.
/// </summary>
public sealed class RunContexts(
    IRunStore store,
    IProvenanceChain chain,
    RunOptionsFactory factory,
    PanelServices services,
    RunCancellations cancellations,
    IOptions<ServeOptions> serve,
    TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RunContext>>> _contexts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    public async Task<RunContext> GetAsync(RunRecord run)
    {
        var lazy = _contexts.GetOrAdd(run.Id, _ => new Lazy<Task<RunContext>>(() => Task.Run(() => BuildAsync(run))));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            _contexts.TryRemove(new KeyValuePair<string, Lazy<Task<RunContext>>>(run.Id, lazy));
            throw;
        }
    }

    /// <summary>Drops the run's context (the run has ended, or its finishing job is done with it).</summary>
    public void Evict(string runId)
    {
        if (_contexts.TryRemove(runId, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
        {
            lazy.Value.Result.Dispose();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var id in _contexts.Keys.ToArray())
        {
            Evict(id);
        }
        _stop.Dispose();
    }

    private async Task<RunContext> BuildAsync(RunRecord run)
    {
        var options = factory.Build(run.Id, run.Owner, run.Submission);
        var state = new RunState(options, null, time.GetUtcNow());
        try
        {
            await new IngestStep().RunAsync(state, _stop.Token).ConfigureAwait(false);
            state.Corpus = state.Own(new SourceCorpus(state.Sources));
            state.Checker = new GroundingChecker(state.Corpus, options.EvidenceTokenBudget);
        }
        catch
        {
            state.Dispose();
            throw;
        }
        var log = new ProvenanceLog(new ChainAppender(chain, run.Id), time);
        var context = new RunContext(options, state, log, cancellations.Register(run.Id, _stop.Token));
        if (services.ResilienceEvents?.Attach(e =>
        {
            // Every run's claims share the providers' pipelines: a retry goes into the log of the run whose claim it was.
            if (Models.CallScope.Current is { } scope && context.IsInFlight(scope.Claim))
            {
                log.Append(new ResilienceEntry(e.Provider, e.KindName, e.Attempt, e.StatusCode, e.Wait?.TotalMilliseconds, e.Detail, scope.Claim, scope.Stage, scope.Panelist));
            }
        }) is { } subscription)
        {
            state.Own(subscription);
        }
        _ = WatchAsync(run.Id, context);
        return context;
    }

    /// <summary>Renews the leases of the run's claims in flight here and cancels them when the run's record asks for it, until the run ends here.</summary>
    private async Task WatchAsync(string runId, RunContext context)
    {
        var lease = RunJob.LeaseDuration(serve.Value);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Min(1000, lease.TotalMilliseconds / 4)), time);
        var lastRenew = time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(context.Cancelled).ConfigureAwait(false))
            {
                if (context.Ended)
                {
                    return;
                }
                if (!context.HasClaimsInFlight)
                {
                    continue;
                }
                if (time.GetElapsedTime(lastRenew) >= lease / 3)
                {
                    await store.RenewClaimLeasesAsync(runId, RunJob.WorkerId, lease, context.Cancelled).ConfigureAwait(false);
                    lastRenew = time.GetTimestamp();
                }
                if (await store.GetAsync(runId, context.Cancelled).ConfigureAwait(false) is { CancelRequested: true } or { Finished: true })
                {
                    context.Cancel();
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or Npgsql.NpgsqlException)
        {
        }
    }
}
