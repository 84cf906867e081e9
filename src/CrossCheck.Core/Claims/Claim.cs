namespace CrossCheck.Claims;

/// <summary>
/// A claim of the essay: one sentence, with its kind, whether it can be checked against the
/// sources, what it quotes, the numbers it states, the sections it cites and every place it
/// occurs (repeated text gives one claim with several occurrences).
/// </summary>
public sealed record Claim
{
    public required string Id { get; init; }

    /// <summary>The sentence as written in the essay (Markdown emphasis and link targets removed).</summary>
    public required string Text { get; init; }

    public required ClaimKind Kind { get; init; }

    public required bool Checkable { get; init; }

    /// <summary>Why the claim was (or was not) judged checkable.</summary>
    public string? CheckableReason { get; init; }

    public required IReadOnlyList<QuotedSpan> Quotes { get; init; }

    public required IReadOnlyList<NumberMention> Numbers { get; init; }

    public required IReadOnlyList<string> SectionReferences { get; init; }

    public required IReadOnlyList<Occurrence> Occurrences { get; init; }

    public int Line => Occurrences.Count > 0 ? Occurrences[0].Line : 0;
}
