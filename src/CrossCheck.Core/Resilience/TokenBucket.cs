namespace CrossCheck.Resilience;

/// <summary>
/// A token bucket on an injected clock (System.Threading.RateLimiting's limiters run on real timers, so tests could not
/// drive them). <see cref="Reserve"/> takes the tokens at once, going into debt if needed, and says how long the
/// caller must wait for the debt to be repaid: callers are served in arrival order. The bucket starts full.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _capacity;
    private readonly double _perSecond;
    private double _tokens;
    private long _stamp;

    public TokenBucket(double perMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perMinute);
        _time = time;
        _capacity = perMinute;
        _perSecond = perMinute / 60.0;
        _tokens = perMinute;
        _stamp = time.GetTimestamp();
    }

    /// <summary>Takes <paramref name="amount"/> tokens (at most a full bucket) and returns the wait before they are really there.</summary>
    public TimeSpan Reserve(double amount)
    {
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_stamp, now).TotalSeconds * _perSecond));
            _stamp = now;
            _tokens -= Math.Min(Math.Max(amount, 0), _capacity);
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _perSecond);
        }
    }
}
