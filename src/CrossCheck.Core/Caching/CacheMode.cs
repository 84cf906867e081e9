namespace CrossCheck.Caching;

/// <summary>How <see cref="CachingModelClient"/> uses the cache.</summary>
public enum CacheMode
{
    /// <summary>Answer from the cache when possible; store every new non-empty answer.</summary>
    ReadWrite,

    /// <summary>Always call the model, then store the answer (refreshes entries).</summary>
    WriteOnly,

    /// <summary><c>--no-cache</c>: neither read nor write, as promptfoo's flag; the cache file is not even opened.</summary>
    Off,
}
