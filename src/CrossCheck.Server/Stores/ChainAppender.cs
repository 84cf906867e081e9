using CrossCheck.Provenance;

namespace CrossCheck.Server.Stores;

/// <summary>
/// Puts a <see cref="ProvenanceLog"/>'s records into one run's <see cref="IProvenanceChain"/>, so every process that
/// checks the run's claims extends the same chain. When the log is disposed, the chain lets go of the run and then
/// <paramref name="closed"/> runs (the finishing job writes the chain out as the run folder's provenance.jsonl there).
/// </summary>
public sealed class ChainAppender(IProvenanceChain chain, string runId, Action? closed = null) : IProvenanceAppender
{
    private int _disposed;

    public (long Sequence, string Hash) Append(DateTimeOffset at, string type, object data) => chain.Append(runId, at, type, data);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            closed?.Invoke();
            chain.Close(runId);
        }
    }
}
