namespace CrossCheck.Costs;

/// <summary>
/// Sums over calls. <see cref="KnownCost"/> adds only calls with a known price; <see cref="UnpricedCalls"/> says how many
/// calls it leaves out, so a total is never passed off as complete when it is not.
/// </summary>
public sealed record CostTotals(int Calls, long InputTokens, long OutputTokens, decimal KnownCost, int UnpricedCalls)
{
    public static CostTotals Empty { get; } = new(0, 0, 0, 0m, 0);

    /// <summary>True when every call had a price, so <see cref="KnownCost"/> is the whole cost.</summary>
    public bool IsComplete => UnpricedCalls == 0;

    internal CostTotals Add(CostLine line) => new(
        Calls + 1,
        InputTokens + line.InputTokens,
        OutputTokens + line.OutputTokens,
        KnownCost + (line.Cost ?? 0m),
        UnpricedCalls + (line.Cost is null ? 1 : 0));
}
