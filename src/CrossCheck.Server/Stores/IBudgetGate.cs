namespace CrossCheck.Server.Stores;

/// <summary>
/// A spending limit in US dollars that several workers draw on (a run's <c>max_cost</c> once its claims are checked
/// in more than one process): a call reserves its estimated cost before it is sent and is refused when the spent and
/// reserved amounts with it would pass the limit; once answered it settles, its actual cost replacing the estimate.
/// </summary>
public interface IBudgetGate
{
    /// <returns>False, and nothing reserved, when <paramref name="amount"/> does not fit under <paramref name="limit"/>.</returns>
    Task<bool> TryReserveAsync(string budget, decimal limit, decimal amount, CancellationToken cancellationToken);

    /// <summary>Turns a reservation of <paramref name="reserved"/> into <paramref name="actual"/> spent (0 for a call that failed and cost nothing).</summary>
    Task SettleAsync(string budget, decimal reserved, decimal actual, CancellationToken cancellationToken);

    Task<(decimal Spent, decimal Reserved)> GetAsync(string budget, CancellationToken cancellationToken);
}
