namespace CrossCheck.Caching;

/// <summary>One stored answer.</summary>
public sealed record CachedResponse(
    string Key,
    string Provider,
    string Model,
    string Text,
    int InputTokens,
    int OutputTokens,
    string? ModelVersion,
    DateTimeOffset CreatedAt)
{
    /// <summary>The one rule every response store keeps: only a complete, non-empty answer is worth keeping (an empty one would be a hit that answers nothing).</summary>
    public static bool IsStorable(Models.ModelAnswer answer) => !string.IsNullOrWhiteSpace(answer?.Text);
}
