namespace CrossCheck.Provenance.Verification;

/// <summary>The outcome of verifying a provenance log's hash chain.</summary>
/// <param name="Records">Records that verified, in order, before any break.</param>
/// <param name="LastHash">SHA-256 (lowercase hex) of the last verified line; <see cref="ProvenanceLog.GenesisHash"/> when none verified. Compare it with a hash recorded elsewhere to detect an edit of the last record, which the chain alone cannot see.</param>
/// <param name="Break">The first broken record, or null when the chain holds.</param>
public sealed record VerificationResult(int Records, string LastHash, ChainBreak? Break)
{
    public bool ChainHolds => Break is null;

    /// <summary>The key id whose signature of the head verified, when the run was signed.</summary>
    public string? SignedBy { get; init; }

    public override string ToString() => Break is null
        ? $"chain holds ({Records} records, last hash {LastHash}){(SignedBy is { } key ? $"; head signed by key {key}" : "")}"
        : $"chain broken at {Break} ({Records} records verified before it)";
}
