namespace CrossCheck.Server.Stores;

/// <summary>
/// A run's provenance chain where several writers may append to it: records in the format of
/// <see cref="Provenance.ProvenanceLog"/> (each holding the SHA-256 of the line before), appended one at a time per
/// run whoever writes them, and exported as a <c>provenance.jsonl</c> that <c>verify-log</c> accepts unchanged.
/// Embedded profile: a file per run in this process (<see cref="FileProvenanceChain"/>); PostgreSQL: a table with a
/// per-run head row locked while appending (<see cref="PgProvenanceChain"/>).
/// </summary>
public interface IProvenanceChain
{
    /// <returns>The record's sequence number and the SHA-256 (hex) of its line.</returns>
    Task<(long Sequence, string Hash)> AppendAsync(string runId, string type, object data, CancellationToken cancellationToken);

    /// <summary>Writes the run's chain so far to <paramref name="path"/> (replacing it); returns how many records.</summary>
    Task<long> ExportAsync(string runId, string path, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="AppendAsync"/> for a caller that cannot wait asynchronously (a <see cref="Provenance.ProvenanceLog"/>'s
    /// appender, written to from the panel's stages); <paramref name="at"/> is the record's time.
    /// </summary>
    (long Sequence, string Hash) Append(string runId, DateTimeOffset at, string type, object data);

    /// <summary>Makes the run's chain the log at <paramref name="path"/> (what planning wrote), replacing any chain the run had.</summary>
    Task ImportAsync(string runId, string path, CancellationToken cancellationToken);

    /// <summary>Lets go of anything held open for the run (its chain is complete).</summary>
    void Close(string runId);
}
