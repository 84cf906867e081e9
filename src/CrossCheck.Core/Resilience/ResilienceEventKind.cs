namespace CrossCheck.Resilience;

/// <summary>What a provider's resilience pipeline did; <see cref="ResilienceEvent.KindName"/> gives the provenance spelling.</summary>
public enum ResilienceEventKind
{
    /// <summary>One HTTP attempt finished (with its status, or with no status when the connection failed).</summary>
    Attempt,

    /// <summary>A retry is about to wait <see cref="ResilienceEvent.Wait"/> before the next attempt.</summary>
    RetryWait,

    /// <summary>The circuit breaker opened: calls fail fast for <see cref="ResilienceEvent.Wait"/>.</summary>
    BreakerOpened,

    BreakerClosed,

    /// <summary>The break is over; the next call is a probe.</summary>
    HalfOpen,

    /// <summary>An attempt (detail <c>attempt</c>) or the whole call (detail <c>total</c>) ran out of time.</summary>
    Timeout,

    /// <summary>The client-side rate limiter (requests or tokens per minute) made a request wait.</summary>
    RateLimited,

    /// <summary>The provider is treated as down for a reason its breaker does not count: a rejected key (401/403) or 429s past the limit.</summary>
    ProviderDown,
}
