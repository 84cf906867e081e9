namespace CrossCheck.Server.Stores;

/// <summary>The embedded profile's <see cref="IBudgetGate"/>: the same rule as PostgreSQL's, held in this process.</summary>
public sealed class LocalBudgetGate : IBudgetGate
{
    private readonly Dictionary<string, (decimal Spent, decimal Reserved)> _budgets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<bool> TryReserveAsync(string budget, decimal limit, decimal amount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        lock (_lock)
        {
            var (spent, reserved) = _budgets.GetValueOrDefault(budget);
            if (spent + reserved + amount > limit)
            {
                return Task.FromResult(false);
            }
            _budgets[budget] = (spent, reserved + amount);
            return Task.FromResult(true);
        }
    }

    public Task SettleAsync(string budget, decimal reserved, decimal actual, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var (spent, held) = _budgets.GetValueOrDefault(budget);
            _budgets[budget] = (spent + actual, Math.Max(0, held - reserved));
            return Task.CompletedTask;
        }
    }

    public Task<(decimal Spent, decimal Reserved)> GetAsync(string budget, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_budgets.GetValueOrDefault(budget));
        }
    }
}
