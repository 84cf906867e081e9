namespace CrossCheck.Agreement;

/// <summary>Every agreement figure of one run (DESIGN.md, step 6), each with the counts behind it.</summary>
/// <param name="Claims">Per claim: unanimous / majority / split / single / none, with the vote counts.</param>
/// <param name="Panelists">Panelists (columns) the figures are over.</param>
/// <param name="NotCheckableVerdicts">not_checkable cells, left out of every statistic.</param>
/// <param name="FailedVerdicts">failed cells, left out of every statistic and reported here.</param>
/// <param name="MissingVerdicts">Empty cells.</param>
/// <param name="Observed">Raw pairwise agreement.</param>
/// <param name="Fleiss">Fleiss' kappa over the complete claims.</param>
/// <param name="AlphaNominal">Krippendorff's alpha, nominal.</param>
/// <param name="AlphaOrdinal">Krippendorff's alpha, ordinal (contradicted &lt; not_in_source &lt; partially_supported &lt; supported).</param>
/// <param name="Pairwise">Cohen's kappa for each pair of panelists.</param>
/// <param name="SelfPreference">Self-preference per panelist family.</param>
public sealed record RunAgreement(
    IReadOnlyList<ClaimAgreement> Claims,
    int Panelists,
    int NotCheckableVerdicts,
    int FailedVerdicts,
    int MissingVerdicts,
    ObservedAgreementFigure Observed,
    KappaFigure Fleiss,
    AlphaFigure AlphaNominal,
    AlphaFigure AlphaOrdinal,
    IReadOnlyList<PairwiseKappa> Pairwise,
    IReadOnlyList<SelfPreferenceFigure> SelfPreference)
{
    /// <summary>How many claims fell in the class.</summary>
    public int Count(AgreementClass agreementClass) => Claims.Count(c => c.Class == agreementClass);
}
