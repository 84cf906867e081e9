namespace CrossCheck.Caching;

/// <summary>What <c>crosscheck cache</c> shows: entries, UTF-8 bytes of stored answer text, and the database file's size.</summary>
public sealed record CacheStats(long Entries, long TextBytes, long FileBytes, string Path);
