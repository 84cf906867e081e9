using CrossCheck.Costs;
using CrossCheck.Models;
using CrossCheck.Provenance;

namespace CrossCheck.Panel;

/// <summary>
/// What a run wraps around each panelist's client, outermost first: the <c>--max-cost</c> gate
/// (<see cref="BudgetedModelClient"/>), the provenance log (<see cref="ProvenanceModelClient"/>) and the cost meter
/// (<see cref="MeteredModelClient"/>). Each part is left out when the run has none.
/// </summary>
public sealed record CallMiddleware(ProvenanceLog? Log, CostMeter? Meter, BudgetGate? Budget = null, CostEstimator? Estimator = null)
{
    /// <summary>Nothing recorded, metered or gated.</summary>
    public static CallMiddleware None { get; } = new(null, null);

    /// <summary>Adds the parts to <paramref name="builder"/> (whose first added layer is the outermost).</summary>
    public ModelClientBuilder AddTo(ModelClientBuilder builder)
    {
        if (Budget is { MaxCost: not null } budget && Estimator is { } estimator)
        {
            builder.Use(inner => new BudgetedModelClient(inner, budget, estimator));
        }
        if (Log is { } log)
        {
            builder.Use(inner => new ProvenanceModelClient(inner, log));
        }
        if (Meter is { } meter)
        {
            builder.Use(inner => new MeteredModelClient(inner, meter));
        }
        return builder;
    }
}
