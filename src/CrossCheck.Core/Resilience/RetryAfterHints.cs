using System.Globalization;

namespace CrossCheck.Resilience;

/// <summary>
/// How long the server asked us to wait, read from (in this order) <c>retry-after-ms</c>, <c>Retry-After</c> (seconds or
/// HTTP date), OpenAI-style <c>x-ratelimit-reset-requests</c>/<c>-tokens</c> (durations such as <c>6m0s</c>), and
/// Anthropic's <c>anthropic-ratelimit-*-reset</c> (RFC 3339 times). For the reset headers only limits that are
/// exhausted (remaining 0, or remaining not sent) count; the longest of those wins.
/// </summary>
internal static class RetryAfterHints
{
    private static readonly string[] OpenAILimits = ["requests", "tokens"];
    private static readonly string[] AnthropicLimits = ["requests", "tokens", "input-tokens", "output-tokens"];

    public static (TimeSpan Delay, string Source)? From(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (Header(response, "retry-after-ms") is { } ms
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out double millis) && millis >= 0)
        {
            return (TimeSpan.FromMilliseconds(millis), "retry-after-ms");
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return (Clamp(delta), "retry-after");
            }

            if (retryAfter.Date is { } date)
            {
                return (Clamp(date - now), "retry-after");
            }
        }

        var openAI = Longest(response, OpenAILimits, l => $"x-ratelimit-reset-{l}", l => $"x-ratelimit-remaining-{l}",
            text => DurationText.TryParse(text, out var d) ? d : null);
        if (openAI is { } o)
        {
            return (o, "x-ratelimit-reset");
        }

        var anthropic = Longest(response, AnthropicLimits, l => $"anthropic-ratelimit-{l}-reset", l => $"anthropic-ratelimit-{l}-remaining",
            text => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? Clamp(at - now) : null);
        if (anthropic is { } a)
        {
            return (a, "anthropic-ratelimit-reset");
        }

        return null;
    }

    private static TimeSpan? Longest(
        HttpResponseMessage response, string[] limits, Func<string, string> resetName, Func<string, string> remainingName, Func<string, TimeSpan?> parse)
    {
        TimeSpan? exhausted = null, any = null;
        foreach (string limit in limits)
        {
            if (Header(response, resetName(limit)) is not { } text || parse(text) is not { } wait)
            {
                continue;
            }

            any = Max(any, wait);
            string? remaining = Header(response, remainingName(limit));
            if (remaining is null || (long.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out long left) && left <= 0))
            {
                exhausted = Max(exhausted, wait);
            }
        }

        return exhausted ?? any;
    }

    private static TimeSpan Max(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;

    private static TimeSpan Clamp(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
