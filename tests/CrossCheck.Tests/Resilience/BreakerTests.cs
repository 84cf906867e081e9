using CrossCheck.Panel.Providers;
using CrossCheck.Resilience;
using CrossCheck.Tests.Emulator;
using static CrossCheck.Tests.Providers.ProviderTestKit;

namespace CrossCheck.Tests.Resilience;

/// <summary>A provider that keeps failing is cut off (fail fast, reported down) and let back in after the break, on a fake clock.</summary>
public sealed class BreakerTests
{
    private static readonly ProviderResilienceOptions Fragile = ResilienceTestKit.Quick with
    {
        MaxRetryAttempts = 0,
        BreakerFailureRatio = 0.5,
        BreakerMinimumThroughput = 2,
        BreakerSamplingDuration = TimeSpan.FromSeconds(30),
        BreakerBreakDuration = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task Breaker_WhenFailuresRepeat_OpensFailsFastThenClosesAfterBreakDuration()
    {
        bool healthy = false;
        await using var kit = new ResilienceTestKit(_ => Volatile.Read(ref healthy) ? ScriptedReply.Answer("back") : ScriptedReply.Fault(503), Fragile);
        var client = kit.Client("anthropic", "claude-opus-4-6");

        Assert.False(kit.Clients.IsProviderDown("anthropic"));
        await Assert.ThrowsAsync<ModelCallException>(() => client.CompleteAsync(Request, CancellationToken.None));
        await Assert.ThrowsAsync<ModelCallException>(() => client.CompleteAsync(Request, CancellationToken.None));

        Assert.True(kit.Clients.IsProviderDown("anthropic"));
        Assert.False(kit.Clients.IsProviderDown("openai"));
        var opened = Assert.Single(kit.Of(ResilienceEventKind.BreakerOpened));
        Assert.Equal(TimeSpan.FromSeconds(30), opened.Wait);
        Assert.Equal(503, opened.StatusCode);

        Volatile.Write(ref healthy, true);
        var fast = await Assert.ThrowsAsync<ModelCallException>(() => kit.Client("anthropic", "claude-opus-4-6").CompleteAsync(Request, CancellationToken.None));
        Assert.Null(fast.StatusCode);
        Assert.Equal(2, kit.Emulator.Requests.Count);

        kit.FakeTime.Advance(TimeSpan.FromSeconds(31));
        Assert.False(kit.Clients.IsProviderDown("anthropic"));
        var answer = await client.CompleteAsync(Request, CancellationToken.None);

        Assert.Equal("back", answer.Text);
        Assert.Equal(3, kit.Emulator.Requests.Count);
        Assert.Single(kit.Of(ResilienceEventKind.HalfOpen));
        Assert.Single(kit.Of(ResilienceEventKind.BreakerClosed));
        Assert.False(kit.Clients.IsProviderDown("anthropic"));
    }

    [Fact]
    public async Task Breaker_WhenOnlyRateLimited_StaysClosed()
    {
        await using var kit = new ResilienceTestKit(_ => ScriptedReply.RateLimited(), Fragile with { RateLimitedCallsBeforeDown = 5 });
        var client = kit.Client("openai", "gpt-4.1");

        for (int i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<ModelCallException>(() => client.CompleteAsync(Request, CancellationToken.None));
        }

        Assert.False(kit.Clients.IsProviderDown("openai"));
        Assert.Equal(4, kit.Emulator.Requests.Count);
        Assert.Empty(kit.Of(ResilienceEventKind.BreakerOpened));
    }

    [Fact]
    public async Task Provider_WhenCallsKeepEndingIn429PastTheLimit_IsDownAndSaysWhy()
    {
        await using var kit = new ResilienceTestKit(_ => ScriptedReply.RateLimited(), Fragile with { RateLimitedCallsBeforeDown = 3 });
        var client = kit.Client("openai", "gpt-4.1");

        for (int i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ModelCallException>(() => client.CompleteAsync(Request, CancellationToken.None));
        }
        Assert.False(kit.Clients.IsProviderDown("openai"));
        await Assert.ThrowsAsync<ModelCallException>(() => client.CompleteAsync(Request, CancellationToken.None));

        Assert.True(kit.Clients.IsProviderDown("openai"));
        Assert.Contains("429", kit.Clients.DownReason("openai"), StringComparison.Ordinal);
        Assert.Single(kit.Of(ResilienceEventKind.ProviderDown));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Provider_WhenTheKeyIsRejected_IsDownAfterOneCall(int status)
    {
        await using var kit = new ResilienceTestKit(_ => ScriptedReply.Fault(status), Fragile);

        await Assert.ThrowsAsync<ModelCallException>(() => kit.Client("xai", "grok-4.1").CompleteAsync(Request, CancellationToken.None));

        Assert.True(kit.Clients.IsProviderDown("xai"));
        Assert.Contains("rejected the API key", kit.Clients.DownReason("xai"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Breaker_IsSharedByEveryClientOfAProviderAndAliasesMeetIt()
    {
        await using var kit = new ResilienceTestKit(_ => ScriptedReply.Fault(500), Fragile);

        await Assert.ThrowsAsync<ModelCallException>(() => kit.Client("gemini", "gemini-3-pro").CompleteAsync(Request, CancellationToken.None));
        await Assert.ThrowsAsync<ModelCallException>(() => kit.Client("google", "gemini-2.5-flash").CompleteAsync(Request, CancellationToken.None));

        Assert.True(kit.Clients.IsProviderDown("google"));
        Assert.True(kit.Clients.IsProviderDown("gemini"));
    }
}
