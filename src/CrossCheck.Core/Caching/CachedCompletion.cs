using CrossCheck.Models;

namespace CrossCheck.Caching;

/// <summary>An answer and where it came from: <see cref="CacheHit"/> true means no model was called (and nothing was paid).</summary>
public sealed record CachedCompletion(ModelAnswer Answer, bool CacheHit, string Key, DateTimeOffset? CachedAt);
