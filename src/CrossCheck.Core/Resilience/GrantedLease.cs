using System.Threading.RateLimiting;

namespace CrossCheck.Resilience;

/// <summary>The lease handed to Polly's rate-limiter strategy once <see cref="TokenBucket"/> waits are over; nothing to release.</summary>
internal sealed class GrantedLease : RateLimitLease
{
    public static readonly GrantedLease Instance = new();

    public override bool IsAcquired => true;

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}
