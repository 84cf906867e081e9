using System.Diagnostics;
using System.Diagnostics.Metrics;
using CrossCheck.Models;
using CrossCheck.Resilience;

namespace CrossCheck.Telemetry;

/// <summary>
/// The program's OpenTelemetry signals, through the runtime's own APIs (no exporter here: the host adds one only
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set). Spans: a run, each run step, each claim the panel checks, each
/// panel stage, each model call (named and tagged after the OpenTelemetry GenAI semantic conventions). Metrics:
/// tokens and call duration (GenAI conventions), cost, calls by origin, cache hits, retries and rate-limit waits.
/// With no listener, starting a span returns null and recording a metric does nothing.
/// </summary>
public static class CrossCheckTelemetry
{
    public const string Name = "CrossCheck";

    private static readonly string Version = typeof(CrossCheckTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    internal static readonly Histogram<long> TokenUsage = Meter.CreateHistogram<long>(
        "gen_ai.client.token.usage", "{token}", "Tokens per model call, by gen_ai.token.type (input or output).");

    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "gen_ai.client.operation.duration", "s", "Duration of a model call, including retries and waits behind the provider's limits.");

    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "crosscheck.model.calls", "{call}", "Model calls by origin: provider (a real call), cache, or log (resumed or replayed).");

    internal static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
        "crosscheck.cache.hits", "{call}", "Model calls answered by the response cache.");

    internal static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        "crosscheck.model.cost", "USD", "Cost of model calls, from the price table (unpriced models add nothing).");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "crosscheck.model.retries", "{retry}", "Retries of a provider request (after a 429, 5xx, timeout or dropped connection).");

    internal static readonly Histogram<double> RateLimitWait = Meter.CreateHistogram<double>(
        "crosscheck.model.rate_limit.wait", "s", "Time a request waited for a rate limit: the client's own limiter, or a provider's Retry-After on a 429.");

    /// <summary>The run: everything from reading the inputs to writing the reports.</summary>
    public static Activity? StartRun(string essay, int sources, int panelists)
    {
        var activity = Source.StartActivity("crosscheck.run");
        activity?.SetTag("crosscheck.essay", Path.GetFileName(essay));
        activity?.SetTag("crosscheck.sources", sources);
        activity?.SetTag("crosscheck.panelists", panelists);
        return activity;
    }

    /// <summary>One run step (ingest, claims, index, grounding, panel, reports).</summary>
    public static Activity? StartStep(string step)
    {
        var activity = Source.StartActivity($"crosscheck.step {step}");
        activity?.SetTag("crosscheck.step", step);
        return activity;
    }

    /// <summary>All the panel's stages for one claim.</summary>
    public static Activity? StartClaim(string claimId)
    {
        var activity = Source.StartActivity("crosscheck.claim");
        activity?.SetTag("crosscheck.claim.id", claimId);
        return activity;
    }

    /// <summary>One panelist at one stage (its model call and any repair call).</summary>
    public static Activity? StartStage(string stage, PanelistSpec panelist, string claimId, int round)
    {
        var activity = Source.StartActivity($"crosscheck.stage {stage}");
        activity?.SetTag("crosscheck.stage", stage);
        activity?.SetTag("crosscheck.claim.id", claimId);
        activity?.SetTag("crosscheck.round", round);
        activity?.SetTag("crosscheck.panelist", panelist.Id);
        return activity;
    }

    public static void RecordCost(string stage, PanelistSpec panelist, decimal? cost)
    {
        if (cost is { } usd && usd > 0)
        {
            Cost.Add((double)usd, new("gen_ai.provider.name", panelist.Provider), new("gen_ai.request.model", panelist.Model), new("crosscheck.stage", stage));
        }
    }

    /// <summary>Passes each resilience event on, after recording it.</summary>
    public static Action<ResilienceEvent> Relay(Action<ResilienceEvent> next) => e =>
    {
        Record(e);
        next(e);
    };

    /// <summary>Retries and rate-limit waits from a provider's resilience pipeline.</summary>
    public static void Record(ResilienceEvent e)
    {
        var provider = new KeyValuePair<string, object?>("gen_ai.provider.name", e.Provider);
        switch (e.Kind)
        {
            case ResilienceEventKind.RetryWait:
                Retries.Add(1, provider, new("http.response.status_code", e.StatusCode));
                if (e.StatusCode == 429 && e.Wait is { } serverWait)
                {
                    RateLimitWait.Record(serverWait.TotalSeconds, provider, new("crosscheck.limit", "provider"));
                }
                break;
            case ResilienceEventKind.RateLimited when e.Wait is { } wait:
                RateLimitWait.Record(wait.TotalSeconds, provider, new("crosscheck.limit", e.Detail ?? "client"));
                break;
        }
    }
}
