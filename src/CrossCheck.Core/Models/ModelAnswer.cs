namespace CrossCheck.Models;

/// <summary>What came back from one model call.</summary>
public sealed record ModelAnswer(
    string Text,
    int InputTokens,
    int OutputTokens,
    string? ModelVersion,
    TimeSpan Latency)
{
    /// <summary>Where the answer came from: "provider" (a real call), "cache", "since" (carried from an earlier run) or "log" / "log-unpaid" (resume and replay).</summary>
    public string Origin { get; init; } = "provider";

    /// <summary>For an answer reused from a log ("log" / "log-unpaid"): the origin the log recorded for it ("provider", "cache", "since"); null otherwise.</summary>
    public string? RecordedOrigin { get; init; }

    /// <summary>What this call cost now, in US dollars, as priced by the run's cost meter; null when nothing was paid or no price is known.</summary>
    public decimal? CostUsd { get; init; }
}
