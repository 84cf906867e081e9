namespace CrossCheck.Agreement;

/// <summary>A bootstrap percentile interval: null bounds when the figure was undefined in every replicate.</summary>
/// <param name="Low">The lower percentile of the replicates' values.</param>
/// <param name="High">The upper percentile.</param>
/// <param name="Defined">Replicates in which the figure was defined (the interval rests on these).</param>
public sealed record Interval(double? Low, double? High, int Defined)
{
    public bool Covers(double value) => Low is { } l && High is { } h && l - 1e-12 <= value && value <= h + 1e-12;
}
