namespace CrossCheck.Server.Stores;

/// <summary>The embedded profile's <see cref="IBudgetGate"/>: the same rule as PostgreSQL's, held in this process.</summary>
public sealed class LocalBudgetGate : IBudgetGate
{
    private readonly Dictionary<string, (decimal Spent, decimal Reserved)> _budgets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Budget, string Holder), decimal> _holds = [];
    private readonly Lock _lock = new();

    public Task<bool> TryReserveAsync(string budget, string holder, decimal limit, decimal amount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        lock (_lock)
        {
            var (spent, reserved) = _budgets.GetValueOrDefault(budget);
            _holds.Remove((budget, holder), out var earlier);
            reserved = Math.Max(0, reserved - earlier);
            var fits = spent + reserved + amount <= limit;
            if (fits)
            {
                reserved += amount;
                _holds[(budget, holder)] = amount;
            }
            _budgets[budget] = (spent, reserved);
            return Task.FromResult(fits);
        }
    }

    public Task SettleAsync(string budget, string holder, decimal actual, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var (spent, reserved) = _budgets.GetValueOrDefault(budget);
            _holds.Remove((budget, holder), out var held);
            _budgets[budget] = (spent + actual, Math.Max(0, reserved - held));
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
