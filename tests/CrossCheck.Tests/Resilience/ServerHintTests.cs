using System.Net;
using CrossCheck.Resilience;

namespace CrossCheck.Tests.Resilience;

/// <summary>Reading how long a server asked us to wait, and the duration syntax shared with configuration.</summary>
public sealed class ServerHintTests
{
    private static readonly DateTimeOffset Now = ResilienceTestKit.Start;

    private static HttpResponseMessage Response(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    [Fact]
    public void From_WhenRetryAfterIsAnHttpDate_WaitsUntilThen()
    {
        using var r = Response(("Retry-After", (Now + TimeSpan.FromSeconds(7)).ToString("R")));
        Assert.Equal((TimeSpan.FromSeconds(7), "retry-after"), RetryAfterHints.From(r, Now));
    }

    [Fact]
    public void From_WhenRetryAfterDateIsPast_WaitsZero()
    {
        using var r = Response(("Retry-After", (Now - TimeSpan.FromSeconds(7)).ToString("R")));
        Assert.Equal(TimeSpan.Zero, RetryAfterHints.From(r, Now)!.Value.Delay);
    }

    [Fact]
    public void From_WhenRetryAfterMsPresent_PrefersIt()
    {
        using var r = Response(("retry-after-ms", "1500"), ("Retry-After", "2"));
        Assert.Equal((TimeSpan.FromMilliseconds(1500), "retry-after-ms"), RetryAfterHints.From(r, Now));
    }

    [Fact]
    public void From_WhenRetryAfterAndResetHeaders_RetryAfterWins()
    {
        using var r = Response(("Retry-After", "2"), ("x-ratelimit-reset-requests", "30s"));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryAfterHints.From(r, Now)!.Value.Delay);
    }

    [Fact]
    public void From_WhenNoLimitSaysExhausted_TakesTheLongestReset()
    {
        using var r = Response(("x-ratelimit-reset-requests", "1s"), ("x-ratelimit-reset-tokens", "6m0s"));
        Assert.Equal(TimeSpan.FromMinutes(6), RetryAfterHints.From(r, Now)!.Value.Delay);
    }

    [Fact]
    public void From_WhenTokensExhausted_TakesTheTokensReset()
    {
        using var r = Response(
            ("anthropic-ratelimit-requests-remaining", "12"), ("anthropic-ratelimit-requests-reset", "2026-03-01T12:00:30Z"),
            ("anthropic-ratelimit-input-tokens-remaining", "0"), ("anthropic-ratelimit-input-tokens-reset", "2026-03-01T12:00:05Z"));
        Assert.Equal((TimeSpan.FromSeconds(5), "anthropic-ratelimit-reset"), RetryAfterHints.From(r, Now));
    }

    [Fact]
    public void From_WhenNoHint_ReturnsNull()
    {
        using var r = Response(("x-ratelimit-reset-requests", "soon"));
        Assert.Null(RetryAfterHints.From(r, Now));
    }

    [Theory]
    [InlineData("1s", 1_000)]
    [InlineData("6m0s", 360_000)]
    [InlineData("1h2m3.5s", 3_723_500)]
    [InlineData("250ms", 250)]
    [InlineData("0.5", 500)]
    [InlineData("00:01:30", 90_000)]
    [InlineData("2m", 120_000)]
    public void DurationText_ParsesGoStyleClockAndSeconds(string text, int milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var d));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), d);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("5 parsecs")]
    [InlineData("-3")]
    [InlineData("3x")]
    public void DurationText_RejectsNonsense(string text) => Assert.False(DurationText.TryParse(text, out _));
}
