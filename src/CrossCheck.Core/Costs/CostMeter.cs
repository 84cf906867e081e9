using CrossCheck.Models;

namespace CrossCheck.Costs;

/// <summary>
/// Adds up the cost of a run as calls finish, per stage and per panelist; safe to call from parallel panel calls.
/// <see cref="WouldExceed"/> is the <c>--max-cost</c> check made before each call.
/// </summary>
public sealed class CostMeter(PriceTable prices)
{
    private readonly Lock _gate = new();
    private readonly List<CostLine> _lines = [];
    private readonly Dictionary<string, CostTotals> _byStage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CostTotals> _byPanelist = new(StringComparer.Ordinal);
    private readonly PriceTable _prices = prices ?? throw new ArgumentNullException(nameof(prices));
    private CostTotals _total = CostTotals.Empty;

    /// <summary>Prices a finished call with the table and records it. A cache hit should not be recorded: nothing was paid.</summary>
    public CostLine Record(string stage, PanelistSpec panelist, long inputTokens, long outputTokens, long cachedInputTokens = 0)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(panelist);
        var line = new CostLine(stage, panelist.Id, inputTokens, outputTokens, cachedInputTokens,
            _prices.Cost(panelist.Provider, panelist.Model, inputTokens, outputTokens, cachedInputTokens));
        Record(line);
        return line;
    }

    /// <summary>Records a line priced elsewhere (e.g. replayed from provenance).</summary>
    public void Record(CostLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            _lines.Add(line);
            _total = _total.Add(line);
            _byStage[line.Stage] = (_byStage.TryGetValue(line.Stage, out var s) ? s : CostTotals.Empty).Add(line);
            _byPanelist[line.Panelist] = (_byPanelist.TryGetValue(line.Panelist, out var p) ? p : CostTotals.Empty).Add(line);
        }
    }

    public CostTotals Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    public IReadOnlyDictionary<string, CostTotals> ByStage
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, CostTotals>(_byStage, StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyDictionary<string, CostTotals> ByPanelist
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, CostTotals>(_byPanelist, StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyList<CostLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>
    /// True when the known cost so far plus <paramref name="estimatedNextCost"/> is more than <paramref name="budget"/>.
    /// An unknown estimate (null) counts as zero: the budget can only bound what has a price, and
    /// <see cref="CostTotals.UnpricedCalls"/> tells the user what it could not bound.
    /// </summary>
    public bool WouldExceed(decimal budget, decimal? estimatedNextCost)
    {
        lock (_gate)
        {
            return _total.KnownCost + Math.Max(estimatedNextCost ?? 0m, 0m) > budget;
        }
    }
}
