namespace CrossCheck.Agreement;

/// <summary>Cohen's kappa between two panelists, on the claims both judged with a usable verdict.</summary>
public sealed record PairwiseKappa(string PanelistA, string PanelistB, KappaFigure Figure);
