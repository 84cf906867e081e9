using CrossCheck.Caching;
using CrossCheck.Costs;
using CrossCheck.Panel;
using CrossCheck.Resilience;

namespace CrossCheck.Running;

/// <summary>
/// What a run needs to call models: the provider clients (already behind their Polly pipelines),
/// the response cache, the price table, whether a provider is up, and the pipeline's events.
/// </summary>
public sealed record PanelServices(Func<PanelistSpec, IModelClient> ClientFor)
{
    public ResponseCache? Cache { get; init; }

    public CacheMode CacheMode { get; init; } = CacheMode.Off;

    public PriceTable Prices { get; init; } = PriceTable.Default;

    /// <summary>False while a panelist's provider is down (its circuit breaker is open).</summary>
    public Func<PanelistSpec, bool>? IsAvailable { get; init; }

    public EventRelay<ResilienceEvent>? ResilienceEvents { get; init; }
}
