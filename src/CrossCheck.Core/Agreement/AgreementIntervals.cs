namespace CrossCheck.Agreement;

/// <summary>Bootstrap confidence intervals for a run's agreement figures (<see cref="Bootstrap"/>), with the method and seed that reproduce them.</summary>
public sealed record AgreementIntervals(
    string Method,
    int Seed,
    int Replicates,
    double Level,
    int Claims,
    Interval Fleiss,
    Interval AlphaNominal,
    Interval AlphaOrdinal,
    IReadOnlyList<AgreementIntervals.Pair> Pairwise,
    IReadOnlyList<AgreementIntervals.Family> SelfPreference)
{
    public sealed record Pair(string PanelistA, string PanelistB, Interval Interval);

    public sealed record Family(string Name, Interval Interval);
}
