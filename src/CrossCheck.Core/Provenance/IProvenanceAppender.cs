namespace CrossCheck.Provenance;

/// <summary>
/// Where a <see cref="ProvenanceLog"/> built on it writes, when the chain is shared by several writers (<c>serve</c>'s
/// claim jobs in several processes): the appender builds each record's line with <see cref="ProvenanceLog.Line"/>
/// after the chain's current head, stores it, and returns its sequence number and hash. Disposed with the log.
/// </summary>
public interface IProvenanceAppender : IDisposable
{
    (long Sequence, string Hash) Append(DateTimeOffset at, string type, object data);
}
