namespace CrossCheck.Costs;

/// <summary>A call's expected size and cost before it is made; <see cref="Cost"/> null when the model has no price.</summary>
public sealed record CostEstimate(int InputTokens, int OutputTokens, decimal? Cost);
