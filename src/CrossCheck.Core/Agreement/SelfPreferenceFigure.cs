namespace CrossCheck.Agreement;

/// <summary>
/// Whether a family's panelists judge their own family's drafts more kindly: the rate of
/// "supported" they give to claims drafted by the same family, minus the rate they give to
/// claims drafted by other families. Positive = kinder to their own.
/// </summary>
/// <param name="Family">The judging family.</param>
/// <param name="SameFamily">Its verdicts on claims its own family drafted.</param>
/// <param name="OtherFamilies">Its verdicts on claims other families drafted.</param>
/// <param name="Difference">SameFamily.Rate − OtherFamilies.Rate, or null when either rate is undefined.</param>
/// <param name="UndefinedReason">Why <see cref="Difference"/> is null; null when it is defined.</param>
public sealed record SelfPreferenceFigure(
    string Family,
    SupportRate SameFamily,
    SupportRate OtherFamilies,
    double? Difference,
    string? UndefinedReason)
{
    public bool IsDefined => Difference is not null;
}
