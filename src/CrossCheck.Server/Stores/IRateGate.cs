namespace CrossCheck.Server.Stores;

/// <summary>
/// A provider account's request rate, shared by every worker that calls it: a token bucket of <c>burst</c> requests
/// refilled at <c>rate</c> per second. Each request reserves its slot and gets the time it may go; reservations are
/// never refused, so waiting callers keep their order.
/// </summary>
public interface IRateGate
{
    /// <returns>When the request may be sent (now or later), on the gate's clock.</returns>
    Task<DateTimeOffset> ReserveAsync(string provider, double ratePerSecond, double burst, CancellationToken cancellationToken);
}
