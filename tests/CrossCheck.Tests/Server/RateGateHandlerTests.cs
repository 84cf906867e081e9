using System.Collections.Concurrent;
using CrossCheck.Server.Stores;
using Microsoft.Extensions.Time.Testing;

namespace CrossCheck.Tests.Server;

/// <summary>
/// The shared limit as the provider sees it: a request reaches the wire in its slot or takes a new one. The provider
/// side here is an inner handler that stamps, on a fake clock, when each request's body has been written.
/// </summary>
public sealed class RateGateHandlerTests
{
    private const double Rate = 4;
    private static readonly TimeSpan Slot = TimeSpan.FromSeconds(1 / Rate);

    [Fact]
    public async Task RequestsHeldUpBehindAStuckConnection_TakeNewSlots_InsteadOfGoingTogether()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var wire = new Wire(time) { StuckFirst = true };
        using var handler = new RateGateHandler(new LocalRateGate(time), "p", Rate, 1, time) { InnerHandler = wire };
        using var client = new HttpClient(handler);
        // Six requests at once: slots 0, 0.25, 0.5, ... s. The first one's connection takes 1 s to set up (a cold process).
        var sends = Enumerable.Range(0, 6).Select(_ => client.PostAsync("http://127.0.0.1/x", new StringContent("{}"))).ToArray();
        await RunClockAsync(time, TimeSpan.FromSeconds(1), () => wire.Written.Count >= 1 || wire.Started >= 1);
        Assert.Equal(1, wire.Started);
        await RunClockAsync(time, TimeSpan.FromSeconds(1), () => false);
        wire.Unstick();
        await RunClockAsync(time, TimeSpan.FromSeconds(10), () => sends.All(s => s.IsCompleted));
        foreach (var send in sends)
        {
            (await send).Dispose();
        }

        // The requests whose slots passed while they waited behind the stuck one gave their slots up.
        Assert.True(handler.LateRetakes >= 3, $"late retakes: {handler.LateRetakes}");
        // At the provider: apart from the stuck one, never two requests closer than a slot (minus the clock's step).
        var written = wire.Written.OrderBy(t => t).ToArray();
        Assert.Equal(6, written.Length);
        var onTime = written.Skip(1).ToArray();
        for (var i = 1; i < onTime.Length; i++)
        {
            Assert.True(onTime[i] - onTime[i - 1] >= Slot - Step, $"requests {i} and {i + 1} after the stuck one went {(onTime[i] - onTime[i - 1]).TotalMilliseconds:0} ms apart: {string.Join(", ", written.Select(t => (t - written[0]).TotalMilliseconds))}");
        }
        // In any one second, no more than the rate plus the burst plus the one request the connection held.
        foreach (var t in written)
        {
            Assert.True(written.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)) <= Rate + 1 + 1);
        }
    }

    [Fact]
    public async Task RequestsInTheirSlots_GoInTheirSlots_WithoutRetakes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var wire = new Wire(time);
        using var handler = new RateGateHandler(new LocalRateGate(time), "p", Rate, 1, time) { InnerHandler = wire };
        using var client = new HttpClient(handler);
        var sends = Enumerable.Range(0, 8).Select(_ => client.PostAsync("http://127.0.0.1/x", new StringContent("{}"))).ToArray();
        await RunClockAsync(time, TimeSpan.FromSeconds(10), () => sends.All(s => s.IsCompleted));
        Assert.All(sends, s => Assert.True(s.Result.IsSuccessStatusCode));
        Assert.Equal(0, handler.LateRetakes);
        var written = wire.Written.OrderBy(t => t).ToArray();
        Assert.Equal(8, written.Length);
        // Eight requests, one slot apart: the last one 7 slots after the first, not later (no slot wasted).
        Assert.InRange(written[^1] - written[0], (7 * Slot) - Step, (7 * Slot) + (2 * Step));
    }

    /// <summary>
    /// A tenth of a slot: slots fall on steps, so a request is stamped in its slot exactly; each step costs real time
    /// (<see cref="Settle"/>), and 10 ms steps made these two tests take 7.7 s.
    /// </summary>
    private static readonly TimeSpan Step = Slot / 10;

    /// <summary>Moves the fake clock in steps, giving the handler's continuations real time to run between steps.</summary>
    private static async Task RunClockAsync(FakeTimeProvider time, TimeSpan span, Func<bool> done)
    {
        for (var moved = TimeSpan.Zero; moved < span && !done(); moved += Step)
        {
            await Settle();
            time.Advance(Step);
        }
        await Settle();
    }

    private static async Task Settle()
    {
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(2);
        }
    }

    private sealed class Wire(TimeProvider time) : HttpMessageHandler
    {
        private readonly TaskCompletionSource _unstuck = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public bool StuckFirst { get; init; }

        public ConcurrentBag<DateTimeOffset> Written { get; } = [];

        public int Started => Volatile.Read(ref _started);

        public void Unstick() => _unstuck.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _started) == 1 && StuckFirst)
            {
                await _unstuck.Task.WaitAsync(cancellationToken);
            }
            using var body = new MemoryStream();
            await request.Content!.CopyToAsync(body, cancellationToken);
            Written.Add(time.GetUtcNow());
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        }
    }
}
