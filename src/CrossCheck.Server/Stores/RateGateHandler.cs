namespace CrossCheck.Server.Stores;

/// <summary>
/// The innermost HTTP handler of a provider with a shared limit: every attempt (retries included) reserves a slot in
/// the <see cref="IRateGate"/> and goes to the wire in that slot or not at all. Whatever holds a request up between its
/// slot and the wire would otherwise make it arrive together with the requests whose slots follow (above the limit):
/// <list type="bullet">
/// <item>a timer that wakes late (a loaded machine);</item>
/// <item>in this process, the request before it still going out: one request of the provider at a time goes from its
/// slot to the wire (until it is written: connection set up, body sent), and no sooner than one slot (1/rate) after the
/// one before it set off. A cold process (connections made and code compiled on its first requests) would otherwise
/// let several spaced requests go together;</item>
/// <item>a GC pause or a starved thread pool.</item>
/// </list>
/// So the last thing before the request is handed to the connection is a check of the clock: a request more than half a
/// slot past its slot gives the slot up (it stays empty) and takes a new one, at most <see cref="MaxLateRetakes"/>
/// times, so a machine that is always late still sends. What this cannot see is a hold-up inside the connection itself
/// after the check (the first request of a cold process setting up its connection): one request per process at most,
/// since the next one waits for it to be written and is checked in turn.
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
        var slot = TimeSpan.FromSeconds(1 / ratePerSecond);
        var slack = slot / 2;
        var waitedInAll = TimeSpan.Zero;
        for (var retakes = 0; ; retakes++)
        {
            var at = await gate.ReserveAsync(provider, ratePerSecond, burst, cancellationToken).ConfigureAwait(false);
            var wait = at - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                waitedInAll += wait;
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            // Late for its slot (and may still retake): the slot stays empty, the request takes a new one.
            bool Late()
            {
                if (retakes >= MaxLateRetakes || time.GetUtcNow() - at <= slack)
                {
                    return false;
                }
                Interlocked.Increment(ref _lateRetakes);
                return true;
            }
            if (Late())
            {
                continue;
            }
            await _toWire.WaitAsync(cancellationToken).ConfigureAwait(false);
            Task<HttpResponseMessage> sending;
            try
            {
                // Held up behind the request before it (its connection, its body): go no sooner than one slot after it set off.
                var gap = slot - time.GetElapsedTime(_lastOnWire);
                if (_lastOnWire != 0 && gap > TimeSpan.Zero)
                {
                    waitedInAll += gap;
                    await Task.Delay(gap, time, cancellationToken).ConfigureAwait(false);
                }
                if (Late())
                {
                    continue;
                }
                sending = Send(request, cancellationToken, out var written);
                await Task.WhenAny(written, sending).ConfigureAwait(false);
            }
            finally
            {
                _toWire.Release();
            }
            waited?.Invoke(provider, waitedInAll);
            return await sending.ConfigureAwait(false);
        }
    }

    private Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken cancellationToken, out Task written)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (request.Content is { } content)
        {
            request.Content = new WrittenContent(content, signal);
        }
        else
        {
            signal.SetResult();
        }
        written = signal.Task;
        // Spaced from when the one before it set off (spacing from when it was written would add its write time to every slot).
        _lastOnWire = time.GetTimestamp();
        return base.SendAsync(request, cancellationToken);
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
