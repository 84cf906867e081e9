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
}
