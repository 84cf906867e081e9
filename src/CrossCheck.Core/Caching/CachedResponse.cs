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
    DateTimeOffset CreatedAt);
