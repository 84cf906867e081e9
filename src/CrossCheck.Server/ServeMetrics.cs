using System.Diagnostics.Metrics;
using Hangfire;

namespace CrossCheck.Server;

/// <summary>
/// The server's metrics (System.Diagnostics.Metrics, meter <c>CrossCheck.Server</c>, ready for OpenTelemetry's
/// <c>AddMeter</c>): runs submitted and finished, claims checked by the panel, time requests waited at a shared
/// provider limit, and the job queue's depth.
/// </summary>
public sealed class ServeMetrics
{
    public const string MeterName = "CrossCheck.Server";

    private readonly Counter<long> _submitted;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _claims;
    private readonly Histogram<double> _providerWait;

    public ServeMetrics(IMeterFactory factory, JobStorage jobs)
    {
        var meter = factory.Create(MeterName);
        _submitted = meter.CreateCounter<long>("crosscheck.runs.submitted", "{run}", "Runs accepted by POST /api/runs.");
        _finished = meter.CreateCounter<long>("crosscheck.runs.finished", "{run}", "Runs that ended, by status.");
        _claims = meter.CreateCounter<long>("crosscheck.claims.checked", "{claim}", "Claims the panel has checked; its rate is claims per second.");
        _providerWait = meter.CreateHistogram<double>("crosscheck.provider.wait", "ms", "How long a request waited for its slot at a shared provider limit.");
        meter.CreateObservableGauge("crosscheck.queue.depth", () => QueueDepth(jobs), "{job}", "Jobs enqueued and not yet taken by a worker.");
    }

    public void Submitted() => _submitted.Add(1);

    public void Finished(Runs.RunStatus status) => _finished.Add(1, new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));

    public void ClaimChecked() => _claims.Add(1);

    public void ProviderWaited(string provider, TimeSpan wait) => _providerWait.Record(wait.TotalMilliseconds, new KeyValuePair<string, object?>("provider", provider));

    private static long QueueDepth(JobStorage jobs)
    {
        try
        {
            return jobs.GetMonitoringApi().EnqueuedCount("default");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A gauge must not throw; the store being unreachable shows on /readyz.
            return -1;
        }
    }
}
