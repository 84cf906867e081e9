using System.Globalization;
using CrossCheck.Panel.Providers;
using CrossCheck.Resilience;
using CrossCheck.Tests.Emulator;
using static CrossCheck.Tests.Providers.ProviderTestKit;

namespace CrossCheck.Tests.Resilience;

/// <summary>Transient failures seen through the real SDK paths are retried by the provider's Polly pipeline, on a fake clock.</summary>
public sealed class RetryTests
{
    private static Func<EmulatedRequest, ScriptedReply> Sequence(params ScriptedReply[] replies)
    {
        int n = 0;
        return _ =>
        {
            int i = Interlocked.Increment(ref n) - 1;
            return i < replies.Length ? replies[i] : ScriptedReply.Answer("recovered");
        };
    }

    [Fact]
    public async Task Complete_WhenRateLimitedWithRetryAfter2_WaitsTwoSecondsThenSucceeds()
    {
        await using var kit = new ResilienceTestKit(Sequence(ScriptedReply.RateLimited(retryAfterSeconds: 2)));

        var answer = await kit.DriveAsync(() => kit.Client("openai", "gpt-4.1").CompleteAsync(Request, CancellationToken.None), TimeSpan.FromMilliseconds(100));

        Assert.Equal("recovered", answer.Text);
        Assert.Equal(2, kit.Emulator.Requests.Count);
        var wait = Assert.Single(kit.Of(ResilienceEventKind.RetryWait));
        Assert.Equal(TimeSpan.FromSeconds(2), wait.Wait);
        Assert.Equal(429, wait.StatusCode);
        Assert.Equal(1, wait.Attempt);
        Assert.Equal("retry-after", wait.Detail);
        Assert.Equal("retry_wait", wait.KindName);
        Assert.True(kit.Time.GetUtcNow() - ResilienceTestKit.Start >= TimeSpan.FromSeconds(2));
        Assert.Equal([429, 200], kit.Of(ResilienceEventKind.Attempt).Select(e => e.StatusCode ?? 0));
    }

    [Fact]
    public async Task Complete_WhenServerErrorsBurst_RetriesWithExponentialBackoffUntilSuccess()
    {
        await using var kit = new ResilienceTestKit(Sequence(ScriptedReply.Fault(500), ScriptedReply.Fault(503), ScriptedReply.Fault(502)));

        var answer = await kit.DriveAsync(() => kit.Client("gemini", "gemini-3-pro").CompleteAsync(Request, CancellationToken.None), TimeSpan.FromMilliseconds(100));

        Assert.Equal("recovered", answer.Text);
        Assert.Equal(4, kit.Emulator.Requests.Count);
        var waits = kit.Of(ResilienceEventKind.RetryWait);
        Assert.Equal([500, 503, 502], waits.Select(w => w.StatusCode ?? 0));
        Assert.Equal([1, 2, 3], waits.Select(w => w.Attempt));
        Assert.Equal([100, 200, 400], waits.Select(w => (int)w.Wait!.Value.TotalMilliseconds));
        Assert.All(waits, w => Assert.Equal("backoff", w.Detail));
    }

    [Fact]
    public async Task Complete_WhenRetriesRunOut_ThrowsTheLastTransientFailure()
    {
        await using var kit = new ResilienceTestKit(_ => ScriptedReply.Fault(503));

        var e = await Assert.ThrowsAsync<ModelCallException>(() =>
            kit.DriveAsync(() => kit.Client("openai", "gpt-4.1").CompleteAsync(Request, CancellationToken.None), TimeSpan.FromMilliseconds(100)));

        Assert.Equal(503, e.StatusCode);
        Assert.Equal(1 + ResilienceTestKit.Quick.MaxRetryAttempts, kit.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Complete_WhenBadRequest_DoesNotRetry()
    {
        await using var kit = new ResilienceTestKit(_ => ScriptedReply.Fault(400));

        var e = await Assert.ThrowsAsync<ModelCallException>(() => kit.Client("openai", "gpt-4.1").CompleteAsync(Request, CancellationToken.None));

        Assert.Equal(400, e.StatusCode);
        Assert.Single(kit.Emulator.Requests);
        Assert.Empty(kit.Of(ResilienceEventKind.RetryWait));
    }

    [Fact]
    public async Task Complete_WhenAnthropicOverloaded529_RetriesThroughTheAnthropicSdk()
    {
        await using var kit = new ResilienceTestKit(Sequence(ScriptedReply.Overloaded()));

        var answer = await kit.DriveAsync(() => kit.Client("anthropic", "claude-opus-4-6").CompleteAsync(Request, CancellationToken.None), TimeSpan.FromMilliseconds(100));

        Assert.Equal("recovered", answer.Text);
        Assert.Equal(2, kit.Emulator.Requests.Count);
        Assert.All(kit.Emulator.Requests, r => Assert.Equal("/v1/messages", r.Path));
        Assert.Equal(529, Assert.Single(kit.Of(ResilienceEventKind.RetryWait)).StatusCode);
    }

    [Theory]
    [InlineData("openai", "gpt-4.1")]
    [InlineData("openai", "gpt-5.2-pro")]
    [InlineData("anthropic", "claude-opus-4-6")]
    [InlineData("ollama", "llama3.2")]
    public async Task Complete_WhenConnectionDroppedThenBodyTruncated_RetriesAndSucceeds(string provider, string model)
    {
        await using var kit = new ResilienceTestKit(Sequence(ScriptedReply.Dropped(), ScriptedReply.Truncated()));

        var answer = await kit.DriveAsync(() => kit.Client(provider, model).CompleteAsync(Request, CancellationToken.None), TimeSpan.FromMilliseconds(100));

        Assert.Equal("recovered", answer.Text);
        Assert.Equal(3, kit.Emulator.Requests.Count);
        var attempts = kit.Of(ResilienceEventKind.Attempt);
        Assert.Equal([null, null, 200], attempts.Select(a => a.StatusCode));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
    }

    [Fact]
    public async Task Complete_WhenAttemptTimesOutOnSlowReply_RetriesAndSucceeds()
    {
        // Fake clock: the first reply would take 2 minutes of real time (the emulator drops it when the test ends); once its
        // request has reached the emulator, the clock jumps by the 5 s attempt timeout, which cuts that attempt.
        var options = ResilienceTestKit.Quick with { AttemptTimeout = TimeSpan.FromSeconds(5), RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        await using var kit = new ResilienceTestKit(Sequence(new ScriptedReply().After(TimeSpan.FromMinutes(2))), options);

        var answer = await TimeOutFirstAttemptAsync(kit, () => kit.Emulator.Requests.Count >= 1);

        Assert.Equal("recovered", answer.Text);
        Assert.Equal(2, kit.Emulator.Requests.Count);
        var timeout = Assert.Single(kit.Of(ResilienceEventKind.Timeout));
        Assert.Equal("attempt", timeout.Detail);
        Assert.Equal(1, timeout.Attempt);
        Assert.Equal(TimeSpan.FromSeconds(5), timeout.Wait);
        Assert.Equal("TimeoutRejectedException", Assert.Single(kit.Of(ResilienceEventKind.RetryWait)).Detail);
    }

    [Fact]
    public async Task Complete_WhenBodyTricklesSlowerThanTheAttemptTimeout_RetriesAndSucceeds()
    {
        // The headers arrive at once but the body comes 8 bytes a second of real time (about a minute in all). Fake clock:
        // only once the transport has handed the client the first reply's headers does the clock jump by the 5 s attempt
        // timeout, so the cut lands while the body is being read: the per-attempt timeout must cover reading the body (if
        // it did not, the first, trickled answer would arrive a minute later and no second request would be made).
        var options = ResilienceTestKit.Quick with { AttemptTimeout = TimeSpan.FromSeconds(5), RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        var headers = 0;
        await using var kit = new ResilienceTestKit(
            Sequence(new ScriptedReply().Trickling(TimeSpan.FromSeconds(1))),
            options,
            transportFor: _ => new HeadersSeen(() => Interlocked.Increment(ref headers)));

        var answer = await TimeOutFirstAttemptAsync(kit, () => Volatile.Read(ref headers) >= 1);

        Assert.Equal("recovered", answer.Text);
        Assert.Equal(2, kit.Emulator.Requests.Count);
        var timeout = Assert.Single(kit.Of(ResilienceEventKind.Timeout));
        Assert.Equal("attempt", timeout.Detail);
    }

    /// <summary>
    /// Starts a call on the kit's fake clock, waits (real time) until <paramref name="firstAttemptUnderway"/> holds, moves
    /// the clock by the attempt timeout, then by the 10 ms backoff in small steps until the second request reaches the
    /// emulator (far less than the second attempt's own 5 s timeout), and returns the call's answer.
    /// </summary>
    private static async Task<CrossCheck.Models.ModelAnswer> TimeOutFirstAttemptAsync(ResilienceTestKit kit, Func<bool> firstAttemptUnderway)
    {
        var call = Task.Run(() => kit.Client("openai", "gpt-4.1").CompleteAsync(Request, CancellationToken.None));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!firstAttemptUnderway() && !call.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
        kit.FakeTime.Advance(TimeSpan.FromSeconds(5));
        while (kit.Emulator.Requests.Count < 2 && !call.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            if (kit.Of(ResilienceEventKind.RetryWait).Count > 0 && kit.Emulator.Requests.Count < 2)
            {
                kit.FakeTime.Advance(TimeSpan.FromMilliseconds(10));
            }
        }
        return await call.WaitAsync(TimeSpan.FromMinutes(3));
    }

    /// <summary>The default transport, counting the responses whose headers it has handed on (the body is read later).</summary>
    private sealed class HeadersSeen(Action seen) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            seen();
            return response;
        }
    }

    [Fact]
    public async Task Complete_WhenTotalTimeoutExpires_StopsRetryingAndThrows()
    {
        var options = ResilienceTestKit.Quick with
        {
            MaxRetryAttempts = 10,
            RetryBaseDelay = TimeSpan.FromSeconds(5),
            RetryMaxDelay = TimeSpan.FromSeconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(30),
            TotalTimeout = TimeSpan.FromSeconds(30),
        };
        await using var kit = new ResilienceTestKit(_ => ScriptedReply.Fault(503), options);

        var e = await Assert.ThrowsAsync<ModelCallException>(() =>
            kit.DriveAsync(() => kit.Client("xai", "grok-4.1").CompleteAsync(Request, CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Null(e.StatusCode);
        Assert.InRange(kit.Emulator.Requests.Count, 2, 8); // about 6 (one per 5 s of 30 s); fewer if the clock steps while a request is in flight
        Assert.Equal("total", Assert.Single(kit.Of(ResilienceEventKind.Timeout)).Detail);
    }

    [Fact]
    public async Task Complete_WhenOpenAIResetHeadersAndNoRetryAfter_WaitsForTheExhaustedLimit()
    {
        var limited = ScriptedReply.Fault(429, headers: new Dictionary<string, string>
        {
            ["x-ratelimit-remaining-requests"] = "0",
            ["x-ratelimit-reset-requests"] = "3s",
            ["x-ratelimit-remaining-tokens"] = "15000",
            ["x-ratelimit-reset-tokens"] = "6m0s",
        });
        await using var kit = new ResilienceTestKit(Sequence(limited));

        var answer = await kit.DriveAsync(() => kit.Client("openai", "gpt-4.1").CompleteAsync(Request, CancellationToken.None), TimeSpan.FromMilliseconds(250));

        Assert.Equal("recovered", answer.Text);
        var wait = Assert.Single(kit.Of(ResilienceEventKind.RetryWait));
        Assert.Equal(TimeSpan.FromSeconds(3), wait.Wait);
        Assert.Equal("x-ratelimit-reset", wait.Detail);
    }

    [Fact]
    public async Task Complete_WhenAnthropicResetTimeAndNoRetryAfter_WaitsUntilThatTime()
    {
        ResilienceTestKit? kitRef = null;
        int n = 0;
        await using var kit = new ResilienceTestKit(_ => Interlocked.Increment(ref n) == 1
            ? ScriptedReply.Fault(429, headers: new Dictionary<string, string>
            {
                ["anthropic-ratelimit-requests-remaining"] = "0",
                ["anthropic-ratelimit-requests-reset"] = (kitRef!.Time.GetUtcNow() + TimeSpan.FromSeconds(4)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
            })
            : ScriptedReply.Answer("recovered"));
        kitRef = kit;

        var answer = await kit.DriveAsync(
            () => kit.Client("anthropic", "claude-opus-4-6").CompleteAsync(Request, CancellationToken.None),
            TimeSpan.FromMilliseconds(100),
            startWhen: () => kit.Of(ResilienceEventKind.RetryWait).Count > 0);

        Assert.Equal("recovered", answer.Text);
        var wait = Assert.Single(kit.Of(ResilienceEventKind.RetryWait));
        Assert.Equal(TimeSpan.FromSeconds(4), wait.Wait);
        Assert.Equal("anthropic-ratelimit-reset", wait.Detail);
    }

    [Fact]
    public async Task Complete_WhenServerAsksForMoreThanMaxDelay_WaitsOnlyMaxDelay()
    {
        await using var kit = new ResilienceTestKit(Sequence(ScriptedReply.RateLimited(retryAfterSeconds: 600)));

        await kit.DriveAsync(() => kit.Client("openai", "gpt-4.1").CompleteAsync(Request, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(ResilienceTestKit.Quick.RetryMaxDelay, Assert.Single(kit.Of(ResilienceEventKind.RetryWait)).Wait);
    }
}
