namespace CrossCheck.Agreement;

/// <summary>
/// Krippendorff's alpha with the counts behind it. <see cref="Alpha"/> is null when undefined,
/// and <see cref="UndefinedReason"/> then says why; it is never NaN.
/// </summary>
/// <param name="Alpha">1 − D_o / D_e, or null when undefined.</param>
/// <param name="Level">The difference function used.</param>
/// <param name="ObservedDisagreement">D_o; null when there are no pairable values.</param>
/// <param name="ExpectedDisagreement">D_e; null when there are no pairable values.</param>
/// <param name="Claims">Units with at least two values (the pairable units); units with fewer are left out, as alpha prescribes.</param>
/// <param name="PairableValues">n: the values in pairable units.</param>
/// <param name="Pairs">Unordered pairs of values within pairable units: Σ m_u(m_u − 1)/2.</param>
/// <param name="UndefinedReason">Why <see cref="Alpha"/> is null; null when it is defined.</param>
public sealed record AlphaFigure(
    double? Alpha,
    AlphaLevel Level,
    double? ObservedDisagreement,
    double? ExpectedDisagreement,
    int Claims,
    int PairableValues,
    long Pairs,
    string? UndefinedReason)
{
    public bool IsDefined => Alpha is not null;
}
