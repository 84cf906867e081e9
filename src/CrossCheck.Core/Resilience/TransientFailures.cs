using Polly;
using Polly.Timeout;

namespace CrossCheck.Resilience;

/// <summary>Which outcomes a retry may cure and which count against a provider's circuit breaker.</summary>
internal static class TransientFailures
{
    /// <summary>408, 429, and 5xx (Anthropic's 529 included) except 501 and 505, which another attempt will not change.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 || (status >= 500 && status is not 501 and not 505);

    /// <summary>A connection that failed or dropped, a body cut short, or an attempt that timed out.</summary>
    public static bool IsTransientException(Exception? e) => e is HttpRequestException or IOException or TimeoutRejectedException;

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? IsTransientStatus((int)response.StatusCode) : IsTransientException(outcome.Exception);

    /// <summary>As <see cref="ShouldRetry"/>, but a 429 is not a failure: the provider is up, we are only too fast.</summary>
    public static bool CountsAgainstBreaker(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? (int)response.StatusCode != 429 && IsTransientStatus((int)response.StatusCode)
            : IsTransientException(outcome.Exception);
}
