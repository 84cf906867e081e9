using CrossCheck.Costs;
using CrossCheck.Models;

namespace CrossCheck.Panel;

/// <summary>
/// Holds a call's estimated cost against <c>--max-cost</c> while it runs, when its <see cref="CallContext.Reserve"/>
/// says so (a call outside a claim's own reservation, such as extraction); a call that does not fit throws
/// <see cref="BudgetExceededException"/> before anything is sent.
/// </summary>
public sealed class BudgetedModelClient(IModelClient inner, BudgetGate budget, CostEstimator estimator) : IModelClient
{
    public PanelistSpec Panelist => inner.Panelist;

    public async Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        if (CallScope.Current is not { Reserve: true } call)
        {
            return await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        using var reservation = budget.Reserve(estimator.Estimate(Panelist, request).Cost ?? 0m, $"the {call.Stage} call to {Panelist.Id}");
        return await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
