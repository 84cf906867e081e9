using CrossCheck.Resilience;
using CrossCheck.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;
using static CrossCheck.Tests.Providers.ProviderTestKit;

namespace CrossCheck.Tests.Resilience;

/// <summary>Client-side limits: requests and estimated tokens per minute on the fake clock, and concurrency.</summary>
public sealed class RateLimitTests
{
    [Theory]
    [InlineData(1, 0, "requests")]
    [InlineData(0, 10, "tokens")]
    public async Task Complete_WhenPerMinuteLimitIsSpent_WaitsOnTheClockBeforeSending(int requestsPerMinute, int tokensPerMinute, string which)
    {
        var options = ResilienceTestKit.Quick with { RequestsPerMinute = requestsPerMinute, TokensPerMinute = tokensPerMinute };
        await using var kit = new ResilienceTestKit(_ => ScriptedReply.Answer("ok"), options);
        var client = kit.Client("xai", "grok-4.1");

        await client.CompleteAsync(Request, CancellationToken.None);
        Assert.Empty(kit.Of(ResilienceEventKind.RateLimited));
        var second = Task.Run(() => client.CompleteAsync(Request, CancellationToken.None));
        for (int i = 0; i < 500 && kit.Of(ResilienceEventKind.RateLimited).Count == 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.False(second.IsCompleted);
        Assert.Single(kit.Emulator.Requests);

        // Step the clock rather than jump it: the wait may register a moment after its event is raised.
        var advanced = TimeSpan.Zero;
        while (advanced < TimeSpan.FromSeconds(59))
        {
            kit.FakeTime.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.WhenAny(second, Task.Delay(10));
        }
        // 59 s on the fake clock: the request must still be held, however long the real machine took to get here.
        await Task.WhenAny(second, Task.Delay(300));
        Assert.False(second.IsCompleted, "the request was sent before the minute was up");
        Assert.Single(kit.Emulator.Requests);
        // Past the minute it goes (the step count is not asserted: on a loaded machine a step may pass before the send).
        while (!second.IsCompleted && advanced < TimeSpan.FromMinutes(5))
        {
            kit.FakeTime.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.WhenAny(second, Task.Delay(50));
        }

        await second;

        Assert.Equal(2, kit.Emulator.Requests.Count);
        var limited = Assert.Single(kit.Of(ResilienceEventKind.RateLimited));
        Assert.Equal(which, limited.Detail);
        Assert.Equal(TimeSpan.FromSeconds(60), limited.Wait);
        Assert.Equal(1, limited.Attempt);
    }

    [Fact]
    public async Task Complete_WhenConcurrencyIsOne_SendsOneRequestAtATime()
    {
        var counter = new InFlightCounter(new SocketsHttpHandler());
        var options = ResilienceTestKit.Quick with { MaxConcurrentRequests = 1 };
        // Each reply takes 30 ms at the emulator, so requests that were let through together would overlap on the wire.
        await using var kit = new ResilienceTestKit(_ => ScriptedReply.Answer("ok").After(TimeSpan.FromMilliseconds(30)), options, TimeProvider.System, _ => counter);
        var client = kit.Client("ollama", "llama3.2");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.CompleteAsync(Request, CancellationToken.None)));

        Assert.Equal(4, kit.Emulator.Requests.Count);
        Assert.Equal(1, counter.Most);
    }

    /// <summary>The innermost handler: counts requests on the wire at once.</summary>
    private sealed class InFlightCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _now;
        private int _most;

        public int Most => Volatile.Read(ref _most);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            InterlockedMax(ref _most, Interlocked.Increment(ref _now));
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref _now);
            }
        }
    }

    [Fact]
    public void TokenBucket_RefillsContinuouslyAndQueuesDebtInOrder()
    {
        var time = new FakeTimeProvider(ResilienceTestKit.Start);
        var bucket = new TokenBucket(60, time);

        Assert.Equal(TimeSpan.Zero, bucket.Reserve(60));
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve(1));
        Assert.Equal(TimeSpan.FromSeconds(2), bucket.Reserve(1));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve(1));
        Assert.Equal(TimeSpan.FromSeconds(61), bucket.Reserve(1000));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
