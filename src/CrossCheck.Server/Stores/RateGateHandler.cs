namespace CrossCheck.Server.Stores;

/// <summary>
/// The innermost HTTP handler of a provider with a shared limit: every attempt (retries included) reserves a slot in
/// the <see cref="IRateGate"/> and waits for it before it is sent. A wait that ends more than half a slot late (a
/// loaded machine wakes timers late) gives its slot up and takes a new one: sent that late, it would reach the
/// provider together with the requests whose slots follow, above the limit. At most <see cref="MaxLateRetakes"/>
/// times, so a machine that is always late still sends.
/// </summary>
public sealed class RateGateHandler(IRateGate gate, string provider, double ratePerSecond, double burst, TimeProvider time, Action<string, TimeSpan>? waited = null) : DelegatingHandler
{
    public const int MaxLateRetakes = 3;

    /// <summary>Slots given up because their wait ended late (for tests and metrics).</summary>
    public int LateRetakes => _lateRetakes;

    private int _lateRetakes;

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
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
