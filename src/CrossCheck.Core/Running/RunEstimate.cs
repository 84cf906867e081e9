namespace CrossCheck.Running;

/// <summary>The calls, tokens and cost a run would take (input tokens are counted from the real requests; output tokens are per-stage expectations).</summary>
public sealed record RunEstimate(
    int Claims,
    int CheckableClaims,
    int Calls,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    int UnpricedCalls,
    IReadOnlyDictionary<string, Costs.CostTotals> ByStage);
