namespace CrossCheck.Panel;

/// <summary>What one stage answer cost: tokens, latency, attempts (with a repair), cache use.</summary>
public sealed record CallStats(int InputTokens, int OutputTokens, double LatencyMs, int Calls, bool Repaired, bool CacheHit, string? ModelVersion)
{
    public static readonly CallStats None = new(0, 0, 0, 0, false, false, null);

    /// <summary>
    /// Where the stage's first answer came from as the run first got it: "provider" (a paid call), "cache" (the response
    /// cache) or "since" (carried from an earlier run); a resumed or replayed answer keeps the origin its log recorded, so
    /// a replay describes the run as the run described itself. Null when no answer came.
    /// </summary>
    public string? Origin { get; init; }

    /// <summary>The origin of an answer as first received (see <see cref="Origin"/>).</summary>
    public static string FirstOrigin(Models.ModelAnswer answer) =>
        answer.Origin is "log" or Provenance.RecordedAnswers.UnpaidOrigin ? answer.RecordedOrigin ?? "provider" : answer.Origin;
}
