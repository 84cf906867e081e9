namespace CrossCheck.Provenance;

/// <summary>
/// A replay asked for a model call the log has no record of at all, neither an answer nor an error: records were
/// removed (and the chain rewritten) or the log is not this run's. Replaying on would show the call as "failed",
/// a forged outcome, so the replay stops instead.
/// </summary>
public sealed class ReplayGapException : Exception
{
    public ReplayGapException(string message)
        : base(message)
    {
    }

    public ReplayGapException()
    {
    }

    public ReplayGapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
