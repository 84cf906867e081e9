namespace CrossCheck.Panel;

/// <summary>How the panel runs: rounds of attack → reconcile, and how many claims go at once.</summary>
public sealed record PanelOptions
{
    /// <summary>Rounds of attack → reconcile (at least 1).</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Claims in flight at once. High by default: the per-provider limiters, not this, should set the pace.</summary>
    public int MaxParallelClaims { get; init; } = 256;

    /// <summary>Run the LLM claim-extraction stage and merge its claims with the offline ones.</summary>
    public bool Extract { get; init; } = true;

    /// <summary>
    /// Check each panelist's model with a one-token request before the run opens (<see cref="Preflight"/>).
    /// Off here so that a library caller opts in; the CLI and the server turn it on from <c>CrossCheck:Preflight</c> (default true).
    /// </summary>
    public bool Preflight { get; init; }

    /// <summary>How many times every panelist's verify stage is asked per claim (<c>--trials</c>); trial 1 is the plain request.</summary>
    public int Trials { get; init; } = 1;

    /// <summary>The rule that turns the recorded answers into each claim's final verdict (<c>--aggregate</c>).</summary>
    public AggregationRule Aggregation { get; init; } = AggregationRule.ReconcilerWithGuards;
}
