using CrossCheck.Costs;

namespace CrossCheck.Reports;

/// <summary>
/// Tokens and cost of a run, in total, per stage and per panelist. A cost is known only for calls
/// to models in the price table; <see cref="UnpricedCalls"/> says how many were left out of it.
/// </summary>
public sealed record CostSummary(
    int Calls,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    int UnpricedCalls,
    IReadOnlyDictionary<string, CostTotals> ByStage,
    IReadOnlyDictionary<string, CostTotals> ByPanelist)
{
    public static CostSummary From(CostMeter meter)
    {
        var total = meter.Total;
        // Sorted, so the summary does not depend on the order in which parallel calls finished.
        return new CostSummary(total.Calls, total.InputTokens, total.OutputTokens, Math.Round(total.KnownCost, 4), total.UnpricedCalls,
            new SortedDictionary<string, CostTotals>(meter.ByStage.ToDictionary(), StringComparer.Ordinal), new SortedDictionary<string, CostTotals>(meter.ByPanelist.ToDictionary(), StringComparer.Ordinal));
    }
}
