namespace CrossCheck.Panel;

/// <summary>
/// The named rules that can turn a claim's recorded answers into its final verdict. Every rule keeps the guards of
/// <see cref="VerdictPolicy"/>: a final supported needs a verified citation, and a quote absent from the sources or a
/// number in conflict caps it.
/// </summary>
public enum AggregationRule
{
    /// <summary>The default policy: the reconciler decides, and may leave the verify majority only with a verified citation.</summary>
    ReconcilerWithGuards,

    /// <summary>The plurality of the valid verify votes (a tie goes to the more severe verdict); the reconciler is not consulted.</summary>
    Majority,

    /// <summary>The most severe valid verify vote: one panelist's doubt is enough.</summary>
    Strictest,
}
