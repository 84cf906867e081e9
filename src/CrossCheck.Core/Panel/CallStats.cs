namespace CrossCheck.Panel;

/// <summary>What one stage answer cost: tokens, latency, attempts (with a repair), cache use.</summary>
public sealed record CallStats(int InputTokens, int OutputTokens, double LatencyMs, int Calls, bool Repaired, bool CacheHit, string? ModelVersion)
{
    public static readonly CallStats None = new(0, 0, 0, 0, false, false, null);
}
