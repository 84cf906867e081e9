using CrossCheck.Models;

namespace CrossCheck.Caching;

/// <summary>
/// Where model answers are kept for reuse, keyed by <see cref="CacheKey"/>: the SQLite file of one machine
/// (<see cref="ResponseCache"/>) or a store that several worker processes share (<c>serve</c>'s PostgreSQL profile).
/// Only complete, non-empty answers are stored.
/// </summary>
public interface IResponseStore
{
    Task<CachedResponse?> TryGetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores an answer (replacing one under the same key); false, and nothing stored, when its text is empty or white space.</summary>
    Task<bool> PutAsync(string key, PanelistSpec panelist, ModelAnswer answer, CancellationToken cancellationToken);

    /// <summary>Fails with one line (an <see cref="Ingest.InputException"/>) before any model call when the store cannot be used.</summary>
    void EnsureUsable();
}
