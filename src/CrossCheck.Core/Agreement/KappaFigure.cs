namespace CrossCheck.Agreement;

/// <summary>
/// A kappa (Fleiss' or Cohen's) with the counts behind it. <see cref="Kappa"/> is null when
/// the statistic is undefined, and <see cref="UndefinedReason"/> then says why; it is never NaN.
/// </summary>
/// <param name="Kappa">(P_o − P_e) / (1 − P_e), or null when undefined.</param>
/// <param name="ObservedAgreement">P_o: the share of rater pairs that agree; null when there is nothing to compare.</param>
/// <param name="ChanceAgreement">P_e: the agreement expected by chance from the raters' category shares; null when there is nothing to compare.</param>
/// <param name="Claims">Units (claims) the figure rests on.</param>
/// <param name="Raters">Raters per unit (2 for Cohen's kappa).</param>
/// <param name="Pairs">Rater pairs compared: units × raters·(raters − 1)/2.</param>
/// <param name="UndefinedReason">Why <see cref="Kappa"/> is null; null when it is defined.</param>
public sealed record KappaFigure(
    double? Kappa,
    double? ObservedAgreement,
    double? ChanceAgreement,
    int Claims,
    int Raters,
    long Pairs,
    string? UndefinedReason)
{
    public bool IsDefined => Kappa is not null;

    internal static KappaFigure Undefined(string reason, int claims, int raters, double? observed = null, double? chance = null) =>
        new(null, observed, chance, claims, raters, PairsOf(claims, raters), reason);

    internal static long PairsOf(int claims, int raters) => raters < 2 ? 0 : (long)claims * raters * (raters - 1) / 2;
}
