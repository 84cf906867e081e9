using Polly.CircuitBreaker;

namespace CrossCheck.Resilience;

/// <summary>What one provider shares between all its HttpClients: options, the handler chain over the Polly pipeline, the breaker state.</summary>
internal sealed class ProviderLane(ProviderResilienceOptions options, HttpMessageHandler handler, CircuitBreakerStateProvider breaker) : IDisposable
{
    private long _openUntilTicks;
    private long _downUntilTicks;
    private int _rateLimitedInARow;
    private string? _downReason;

    public ProviderResilienceOptions Options { get; } = options;

    public HttpMessageHandler Handler { get; } = handler;

    public CircuitBreakerStateProvider Breaker { get; } = breaker;

    /// <summary>When the current break ends (UTC ticks); set when the breaker opens.</summary>
    public DateTimeOffset OpenUntil
    {
        get => new(Interlocked.Read(ref _openUntilTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _openUntilTicks, value.UtcTicks);
    }

    /// <summary>Until when the provider is down for a reason the breaker does not see (rejected key, exhausted quota).</summary>
    public DateTimeOffset DownUntil => new(Interlocked.Read(ref _downUntilTicks), TimeSpan.Zero);

    /// <summary>Why the provider was last marked down (null when never).</summary>
    public string? DownReason => Volatile.Read(ref _downReason);

    /// <summary>
    /// Takes a finished call's final status (after every retry; null for an exception): 401/403 mark the provider down
    /// until <see cref="DateTimeOffset.MaxValue"/>; the <see cref="ProviderResilienceOptions.RateLimitedCallsBeforeDown"/>-th
    /// 429 in a row marks it down for <see cref="ProviderResilienceOptions.RateLimitedDownDuration"/>. Returns the reason when
    /// this call marked it down.
    /// </summary>
    public string? Observe(int? status, DateTimeOffset now)
    {
        string? reason = null;
        DateTimeOffset until = default;
        if (status is 401 or 403)
        {
            (reason, until) = ($"the provider rejected the API key (HTTP {status})", DateTimeOffset.MaxValue);
        }
        else if (status == 429)
        {
            if (Interlocked.Increment(ref _rateLimitedInARow) >= Options.RateLimitedCallsBeforeDown)
            {
                Interlocked.Exchange(ref _rateLimitedInARow, 0);
                (reason, until) = ($"{Options.RateLimitedCallsBeforeDown} calls in a row ended in HTTP 429 after every retry (quota exhausted?)", now + Options.RateLimitedDownDuration);
            }
        }
        else if (status is >= 200 and < 300)
        {
            Interlocked.Exchange(ref _rateLimitedInARow, 0);
        }
        if (reason is null)
        {
            return null;
        }
        Volatile.Write(ref _downReason, reason);
        Interlocked.Exchange(ref _downUntilTicks, until.UtcTicks);
        return reason;
    }

    public void Dispose() => Handler.Dispose();
}
