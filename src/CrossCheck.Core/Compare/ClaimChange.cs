namespace CrossCheck.Compare;

/// <summary>How a claim of one run relates to the other run's claims.</summary>
public enum ClaimChange
{
    Unchanged,
    Reworded,
    Added,
    Removed,
}
