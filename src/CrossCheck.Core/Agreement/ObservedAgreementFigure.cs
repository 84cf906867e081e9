namespace CrossCheck.Agreement;

/// <summary>
/// Raw agreement, with no correction for chance: of all pairs of usable verdicts given to the
/// same claim, the share that are equal.
/// </summary>
/// <param name="Value">AgreeingPairs / Pairs, or null when there is no pair.</param>
/// <param name="AgreeingPairs">Pairs of panelists giving the same verdict to a claim.</param>
/// <param name="Pairs">Pairs of panelists who both gave a claim a usable verdict, summed over claims.</param>
/// <param name="Claims">Claims with two or more usable verdicts.</param>
/// <param name="UndefinedReason">Why <see cref="Value"/> is null; null when it is defined.</param>
public sealed record ObservedAgreementFigure(double? Value, long AgreeingPairs, long Pairs, int Claims, string? UndefinedReason)
{
    public bool IsDefined => Value is not null;
}
