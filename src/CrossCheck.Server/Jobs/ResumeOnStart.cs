using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCheck.Server.Jobs;

/// <summary>
/// Embedded profile: the in-memory job queue is empty after a restart, so every run the store still holds as queued
/// or running is queued again; its job resumes from the run's log. (PostgreSQL keeps its jobs: nothing to do there.)
/// </summary>
public sealed class ResumeOnStart(IRunStore store, IBackgroundJobClient jobs, IOptions<ServeOptions> serve, TimeProvider time, ILogger<ResumeOnStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (serve.Value.IsPostgres)
        {
            return;
        }
        foreach (var run in await store.UnfinishedAsync(cancellationToken).ConfigureAwait(false))
        {
            await store.UpdateAsync(run.Id, r => r with { Status = RunStatus.Queued, Updated = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            jobs.Enqueue<RunJob>(j => j.ExecuteAsync(run.Id, CancellationToken.None));
            ServeLog.RunRequeued(logger, run.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
