namespace CrossCheck.Provenance.Verification;

/// <summary>Why a provenance log's chain does not hold at a record.</summary>
public enum ChainBreakKind
{
    /// <summary>The record's prev is not the hash of the line before it, and its seq follows on: the line before was changed, or a record was inserted or removed and the seqs renumbered.</summary>
    PreviousHashMismatch,

    /// <summary>The record's seq jumps ahead and its prev does not match: one or more records before it were deleted.</summary>
    RecordsDeleted,

    /// <summary>The record's seq is not the one expected while its prev matches, or it goes backwards: the seq was edited, or records were duplicated or reordered.</summary>
    SequenceMismatch,

    /// <summary>The record's seq is not the one expected, and the record expected there is further on in the file: records were swapped or moved, none deleted.</summary>
    RecordsReordered,

    /// <summary>A complete (newline-terminated) line is not JSON.</summary>
    UnparseableJson,

    /// <summary>The record's "v" is missing or not a format version this build reads.</summary>
    UnknownVersion,

    /// <summary>The record is JSON but lacks a field of the format (seq, type, prev, data) or has one of the wrong type.</summary>
    MalformedRecord,

    /// <summary>The last line has no newline and does not parse: a write cut short by a crash. <see cref="ProvenanceVerifier.RepairTornTail"/> removes it.</summary>
    TornLastLine,

    /// <summary>The run finished (its folder holds run.json) but the log does not end with <c>run_end</c>: records were cut from its end at a line boundary.</summary>
    CutTail,

    /// <summary>Records follow run_end, or there is more than one run_end: something was appended after the run finished.</summary>
    RecordsAfterRunEnd,

    /// <summary>The chain holds but its head (the last record's hash) is not the one run.json or methodology.md published: the log was rewritten with recomputed hashes, or its end edited.</summary>
    HeadMismatch,

    /// <summary>run.json's signature does not verify against the log's head with the public key beside it: the log or the seal was changed after signing.</summary>
    SignatureInvalid,

    /// <summary>The signature verifies, but with a key other than the one pinned with <c>--key</c> (or the run is unsigned).</summary>
    UnknownSigner,
}
