namespace CrossCheck.Resilience;

/// <summary>
/// One thing a provider's resilience pipeline did, raised through the callback given to <see cref="ProviderHttpClients"/>
/// so the run can write it to the provenance log. The callback runs on the call's own async flow, so an
/// <see cref="AsyncLocal{T}"/> set by the caller (stage, panelist, claim) is visible in it.
/// </summary>
/// <param name="Provider">Canonical provider name.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Attempt">1-based attempt number within the call (0 for breaker state changes).</param>
/// <param name="StatusCode">HTTP status of the attempt concerned, when there was one.</param>
/// <param name="Wait">Retry delay, rate-limit wait, break duration or timeout, when the kind has one.</param>
/// <param name="Detail">Short extra text: exception type of a failed attempt, <c>attempt</c> / <c>total</c> for timeouts,
/// <c>requests</c> / <c>tokens</c> for rate limits, <c>retry-after</c> etc. for server-directed waits.</param>
public sealed record ResilienceEvent(
    string Provider,
    ResilienceEventKind Kind,
    int Attempt,
    int? StatusCode,
    TimeSpan? Wait,
    string? Detail = null)
{
    /// <summary>The snake_case name written to provenance: attempt, retry_wait, breaker_opened, breaker_closed, half_open, timeout, rate_limited.</summary>
    public string KindName => Kind switch
    {
        ResilienceEventKind.Attempt => "attempt",
        ResilienceEventKind.RetryWait => "retry_wait",
        ResilienceEventKind.BreakerOpened => "breaker_opened",
        ResilienceEventKind.BreakerClosed => "breaker_closed",
        ResilienceEventKind.HalfOpen => "half_open",
        ResilienceEventKind.Timeout => "timeout",
        ResilienceEventKind.RateLimited => "rate_limited",
        ResilienceEventKind.ProviderDown => "provider_down",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
