namespace CrossCheck.Server.Stores;

/// <summary>
/// A spending limit in US dollars that several workers draw on (a run's <c>max_cost</c> once its claims are checked
/// in more than one process): a claim reserves its estimated cost before its calls are sent and is refused when the
/// spent and reserved amounts with it would pass the limit; once checked it settles, its actual cost replacing the
/// estimate. Each reservation has a holder (the claim): a later attempt at a claim whose worker died takes the place
/// of the dead attempt's reservation instead of adding to it, so a dead worker's estimate is not held for ever.
/// </summary>
public interface IBudgetGate
{
    /// <returns>
    /// False when <paramref name="amount"/> does not fit under <paramref name="limit"/>: nothing is reserved then, and a
    /// reservation <paramref name="holder"/> held before (a dead attempt's) is given back.
    /// </returns>
    Task<bool> TryReserveAsync(string budget, string holder, decimal limit, decimal amount, CancellationToken cancellationToken);

    /// <summary>Turns <paramref name="holder"/>'s reservation into <paramref name="actual"/> spent (0 for work that failed and cost nothing).</summary>
    Task SettleAsync(string budget, string holder, decimal actual, CancellationToken cancellationToken);

    Task<(decimal Spent, decimal Reserved)> GetAsync(string budget, CancellationToken cancellationToken);
}
