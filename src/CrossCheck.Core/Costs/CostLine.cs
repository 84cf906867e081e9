namespace CrossCheck.Costs;

/// <summary>One priced model call. <see cref="Cost"/> null: the model has no known price.</summary>
public sealed record CostLine(string Stage, string Panelist, long InputTokens, long OutputTokens, long CachedInputTokens, decimal? Cost);
