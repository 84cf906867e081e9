namespace CrossCheck.Server.Stores;

/// <summary>
/// The innermost HTTP handler of a provider with a shared limit: every attempt (retries included) reserves a slot in
/// the <see cref="IRateGate"/> and waits for it before it is sent.
/// </summary>
public sealed class RateGateHandler(IRateGate gate, string provider, double ratePerSecond, double burst, TimeProvider time, Action<string, TimeSpan>? waited = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var at = await gate.ReserveAsync(provider, ratePerSecond, burst, cancellationToken).ConfigureAwait(false);
        var wait = at - time.GetUtcNow();
        waited?.Invoke(provider, wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
