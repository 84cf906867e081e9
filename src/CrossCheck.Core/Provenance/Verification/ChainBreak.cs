namespace CrossCheck.Provenance.Verification;

/// <summary>The first record at which a provenance log's chain does not hold.</summary>
/// <param name="LineNumber">1-based line number of the record.</param>
/// <param name="Seq">The seq the record claims, when it could be read.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Reason">One line for a person: what was found and what it means.</param>
public sealed record ChainBreak(int LineNumber, long? Seq, ChainBreakKind Kind, string Reason)
{
    public override string ToString() =>
        Seq is { } seq ? $"line {LineNumber} (seq {seq}): {Reason}" : $"line {LineNumber}: {Reason}";
}
