using Polly.CircuitBreaker;

namespace CrossCheck.Resilience;

/// <summary>What one provider shares between all its HttpClients: options, the handler chain over the Polly pipeline, the breaker state.</summary>
internal sealed class ProviderLane(ProviderResilienceOptions options, HttpMessageHandler handler, CircuitBreakerStateProvider breaker) : IDisposable
{
    private long _openUntilTicks;

    public ProviderResilienceOptions Options { get; } = options;

    public HttpMessageHandler Handler { get; } = handler;

    public CircuitBreakerStateProvider Breaker { get; } = breaker;

    /// <summary>When the current break ends (UTC ticks); set when the breaker opens.</summary>
    public DateTimeOffset OpenUntil
    {
        get => new(Interlocked.Read(ref _openUntilTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _openUntilTicks, value.UtcTicks);
    }

    public void Dispose() => Handler.Dispose();
}
