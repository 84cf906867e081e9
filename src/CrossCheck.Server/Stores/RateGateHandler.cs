namespace CrossCheck.Server.Stores;

/// <summary>
/// The innermost HTTP handler of a provider with a shared limit: every attempt (retries included) reserves a slot in
/// the <see cref="IRateGate"/> and waits for it before it is sent. Two things keep a slot's request from reaching the
/// provider together with the requests whose slots follow (above the limit):
/// <list type="bullet">
/// <item>a wait that ends more than half a slot late (a loaded machine wakes timers late) gives its slot up and takes
/// a new one, at most <see cref="MaxLateRetakes"/> times, so a machine that is always late still sends;</item>
/// <item>in this process, one request of the provider at a time goes from its slot to the wire (until it is written:
/// connection set up, body sent), and no sooner than one slot (1/rate) after the one before it set off. A cold process (connections made
/// and code compiled on its first requests) otherwise holds several spaced requests at once and lets them go
/// together; spacing them here costs no slot of the shared bucket.</item>
/// </list>
/// </summary>
public sealed class RateGateHandler(IRateGate gate, string provider, double ratePerSecond, double burst, TimeProvider time, Action<string, TimeSpan>? waited = null) : DelegatingHandler
{
    public const int MaxLateRetakes = 3;

    private readonly SemaphoreSlim _toWire = new(1, 1);
    private int _lateRetakes;
    private long _lastOnWire;

    /// <summary>Slots given up because their request would have gone late (for tests and metrics).</summary>
    public int LateRetakes => _lateRetakes;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var slack = TimeSpan.FromSeconds(0.5 / ratePerSecond);
        var waitedInAll = TimeSpan.Zero;
        for (var retakes = 0; ; retakes++)
        {
            var at = await gate.ReserveAsync(provider, ratePerSecond, burst, cancellationToken).ConfigureAwait(false);
            var wait = at - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                break;
            }
            waitedInAll += wait;
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            if (retakes >= MaxLateRetakes || time.GetUtcNow() - at <= slack)
            {
                break;
            }
            Interlocked.Increment(ref _lateRetakes);
        }
        waited?.Invoke(provider, waitedInAll);
        await _toWire.WaitAsync(cancellationToken).ConfigureAwait(false);
        Task<HttpResponseMessage> sending;
        try
        {
            // Held up behind the request before it (its connection, its body): go no sooner than one slot after it set off.
            var gap = TimeSpan.FromSeconds(1 / ratePerSecond) - time.GetElapsedTime(_lastOnWire);
            if (_lastOnWire != 0 && gap > TimeSpan.Zero)
            {
                await Task.Delay(gap, time, cancellationToken).ConfigureAwait(false);
            }
            var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (request.Content is { } content)
            {
                request.Content = new WrittenContent(content, written);
            }
            // Spaced from when the one before it set off (spacing from when it was written would add its write time to every slot).
            _lastOnWire = time.GetTimestamp();
            sending = base.SendAsync(request, cancellationToken);
            await Task.WhenAny(written.Task, sending).ConfigureAwait(false);
        }
        finally
        {
            _toWire.Release();
        }
        return await sending.ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _toWire.Dispose();
        }
        base.Dispose(disposing);
    }
}
