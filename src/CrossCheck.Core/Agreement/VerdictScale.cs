using CrossCheck.Checks;

namespace CrossCheck.Agreement;

/// <summary>
/// Which verdicts take part in agreement statistics, and their order for ordinal measures.
/// </summary>
/// <remarks>
/// The ordinal order is contradicted &lt; not_in_source &lt; partially_supported &lt; supported:
/// how much of the claim the source bears out. A contradiction is the source saying the
/// opposite; not_in_source is the source saying nothing either way; partial support is the
/// source backing some of it; support is all of it. Two panelists answering
/// partially_supported and supported thus disagree less than two answering contradicted and
/// supported, which nominal measures cannot see. The order is the reverse of
/// <see cref="VerdictNames.Severity"/>. not_checkable and failed are not points on this scale:
/// they say the claim was not judged, so they are left out (DESIGN.md, "Verdicts").
/// </remarks>
public static class VerdictScale
{
    /// <summary>The usable verdicts in ordinal order, lowest first; a verdict's index is its rank.</summary>
    public static readonly IReadOnlyList<Verdict> Ordered =
        [Verdict.Contradicted, Verdict.NotInSource, Verdict.PartiallySupported, Verdict.Supported];

    /// <summary>True for a verdict on the claim's truth; false for not_checkable and failed.</summary>
    public static bool IsUsable(this Verdict verdict) => OrdinalRank(verdict) is not null;

    /// <summary>The verdict's rank on the ordinal scale (contradicted = 0 … supported = 3); null when not usable.</summary>
    public static int? OrdinalRank(this Verdict verdict) => verdict switch
    {
        Verdict.Contradicted => 0,
        Verdict.NotInSource => 1,
        Verdict.PartiallySupported => 2,
        Verdict.Supported => 3,
        _ => null,
    };

    /// <summary>The cell's rank, or null when the cell is missing or holds an unusable verdict.</summary>
    public static int? Code(Verdict? cell) => cell?.OrdinalRank();
}
