namespace CrossCheck.Costs;

/// <summary>USD per million tokens. <see cref="CachedInputPerMillion"/> null means cached input is billed as normal input.</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion, decimal? CachedInputPerMillion = null)
{
    /// <summary>The cost of one call; cached input tokens are part of <paramref name="inputTokens"/>.</summary>
    public decimal Cost(long inputTokens, long outputTokens, long cachedInputTokens = 0)
    {
        long cached = Math.Clamp(cachedInputTokens, 0, Math.Max(inputTokens, 0));
        decimal input = (Math.Max(inputTokens, 0) - cached) * InputPerMillion;
        decimal cachedCost = cached * (CachedInputPerMillion ?? InputPerMillion);
        decimal output = Math.Max(outputTokens, 0) * OutputPerMillion;
        return (input + cachedCost + output) / 1_000_000m;
    }
}
