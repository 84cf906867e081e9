namespace CrossCheck.Server.Stores;

/// <summary>The embedded profile's <see cref="IRateGate"/>: the same token bucket as PostgreSQL's, held in this process.</summary>
public sealed class LocalRateGate(TimeProvider time) : IRateGate
{
    private readonly Dictionary<string, (double Tokens, DateTimeOffset Updated)> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<DateTimeOffset> ReserveAsync(string provider, double ratePerSecond, double burst, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var tokens = _buckets.TryGetValue(provider, out var b)
                ? Math.Min(burst, b.Tokens + (ratePerSecond * (now - b.Updated).TotalSeconds)) - 1
                : burst - 1;
            _buckets[provider] = (tokens, now);
            return Task.FromResult(tokens >= 0 ? now : now + TimeSpan.FromSeconds(-tokens / ratePerSecond));
        }
    }
}
