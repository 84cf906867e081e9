using System.Runtime.CompilerServices;
using CrossCheck.Models;
using Microsoft.Data.Sqlite;

namespace CrossCheck.Caching;

/// <summary>
/// Caches an <see cref="IModelClient"/>'s answers in a <see cref="ResponseCache"/>. A hit returns the stored answer with
/// <see cref="ModelAnswer.Latency"/> zero and calls nothing. Failures (exceptions) pass through and are never stored;
/// nor are empty answers. How to tell a hit: call <see cref="CompleteWithCacheInfoAsync"/> (returns a
/// <see cref="CachedCompletion"/>), or ask <see cref="WasCacheHit"/> about an answer an outer layer received from
/// <see cref="CompleteAsync"/>. Place it outside the resilience layer, so a hit never waits for a rate limit.
/// </summary>
public sealed class CachingModelClient : IModelClient
{
    private static readonly ConditionalWeakTable<ModelAnswer, CachedCompletion> Hits = new();

    private readonly IModelClient _inner;
    private readonly IResponseStore? _cache;
    private readonly Func<ModelRequest, string> _promptVersion;

    /// <param name="inner">The client that really calls the model.</param>
    /// <param name="cache">The store; may be null only when <paramref name="mode"/> is <see cref="CacheMode.Off"/>.</param>
    /// <param name="mode">ReadWrite normally; Off for <c>--no-cache</c> (no read, no write).</param>
    /// <param name="promptVersion">The prompt version that goes into the key (e.g. a hash of the stage's prompt template); "" when null.</param>
    public CachingModelClient(IModelClient inner, IResponseStore? cache, CacheMode mode = CacheMode.ReadWrite, Func<ModelRequest, string>? promptVersion = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (cache is null && mode != CacheMode.Off)
        {
            throw new ArgumentNullException(nameof(cache), "A cache is needed unless the mode is Off.");
        }

        _inner = inner;
        _cache = cache;
        Mode = mode;
        _promptVersion = promptVersion ?? (_ => "");
    }

    public PanelistSpec Panelist => _inner.Panelist;

    public CacheMode Mode { get; }

    /// <summary>True when <paramref name="answer"/> (the very instance) was served from a cache rather than a model.</summary>
    public static bool WasCacheHit(ModelAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Hits.TryGetValue(answer, out var c) && c.CacheHit;
    }

    public async Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken) =>
        (await CompleteWithCacheInfoAsync(request, cancellationToken).ConfigureAwait(false)).Answer;

    public async Task<CachedCompletion> CompleteWithCacheInfoAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string key = CacheKey.For(Panelist, request, _promptVersion(request));
        if (Mode == CacheMode.ReadWrite && await TryReadAsync(key, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            var answer = new ModelAnswer(hit.Text, hit.InputTokens, hit.OutputTokens, hit.ModelVersion, TimeSpan.Zero) { Origin = "cache" };
            var completion = new CachedCompletion(answer, true, key, hit.CreatedAt);
            Hits.AddOrUpdate(answer, completion);
            return completion;
        }

        var fresh = await _inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        if (Mode != CacheMode.Off)
        {
            try
            {
                await _cache!.PutAsync(key, Panelist, fresh, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                // The cache is an optimisation: a paid answer is never lost because it could not be stored.
            }
        }

        return new CachedCompletion(fresh, false, key, null);
    }

    private async Task<CachedResponse?> TryReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await _cache!.TryGetAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            return null; // An unreadable cache is a miss, not a failed call.
        }
    }
}
