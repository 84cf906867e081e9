using CrossCheck.Caching;
using CrossCheck.Costs;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Resilience;
using Microsoft.Extensions.Logging;

namespace CrossCheck.Running;

/// <summary>
/// What a run needs to call models: the provider clients (already behind their Polly pipelines),
/// the response cache, the price table, whether a provider is up, and the pipeline's events.
/// </summary>
public sealed record PanelServices(Func<PanelistSpec, IModelClient> ClientFor)
{
    public IResponseStore? Cache { get; init; }

    public CacheMode CacheMode { get; init; } = CacheMode.Off;

    /// <summary>Part of each cache key besides the request: the provider's endpoint, so two servers that serve a model of the same name never share answers.</summary>
    public Func<PanelistSpec, string>? CacheScope { get; init; }

    public PriceTable Prices { get; init; } = PriceTable.Default;

    /// <summary>False while a panelist's provider is down (its circuit breaker is open).</summary>
    public Func<PanelistSpec, bool>? IsAvailable { get; init; }

    public EventRelay<ResilienceEvent>? ResilienceEvents { get; init; }

    /// <summary>The installation's key that signs each finished run's log head; null leaves runs unsigned.</summary>
    public Func<Safety.InstallationKey?>? SigningKey { get; init; }

    /// <summary>Where the run and its model calls log (<c>--verbose</c>); nothing is logged when null.</summary>
    public ILoggerFactory? Logging { get; init; }
}
