namespace CrossCheck.Panel;

/// <summary>What came back from one model call.</summary>
public sealed record ModelAnswer(
    string Text,
    int InputTokens,
    int OutputTokens,
    string? ModelVersion,
    TimeSpan Latency);
