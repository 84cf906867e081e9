namespace CrossCheck.Agreement;

/// <summary>The level of measurement, which fixes the difference function δ² of Krippendorff's alpha.</summary>
public enum AlphaLevel
{
    /// <summary>δ² = 0 when the values are equal, 1 otherwise.</summary>
    Nominal,

    /// <summary>
    /// Ranks only: δ² between c and k grows with how many pairable values lie between them
    /// (Krippendorff 2011, ordinal metric). For verdicts, the order of <see cref="VerdictScale"/>.
    /// </summary>
    Ordinal,

    /// <summary>δ² = (c − k)²: the codes are taken as equally spaced numbers. Not meaningful for verdicts; there for numeric data.</summary>
    Interval,
}
