namespace CrossCheck.Resilience;

/// <summary>Counts the attempts of one call; kept in the Polly context so every strategy's event can name the attempt.</summary>
internal sealed class AttemptCounter
{
    private int _count;

    public int Current => Volatile.Read(ref _count);

    public int Next() => Interlocked.Increment(ref _count);
}
