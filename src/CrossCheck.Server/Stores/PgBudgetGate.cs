using Npgsql;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The PostgreSQL profile's <see cref="IBudgetGate"/>: one row per budget; a reservation is one conditional update
/// (it takes the row's lock, so reservations from every process are checked one after another against the limit).
/// </summary>
public sealed class PgBudgetGate(NpgsqlDataSource dataSource) : IBudgetGate
{
    public async Task<bool> TryReserveAsync(string budget, decimal limit, decimal amount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        await using (var create = dataSource.CreateCommand("INSERT INTO crosscheck_budgets (budget, spent, reserved) VALUES ($1, 0, 0) ON CONFLICT (budget) DO NOTHING"))
        {
            create.Parameters.Add(new() { Value = budget });
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var reserve = dataSource.CreateCommand("UPDATE crosscheck_budgets SET reserved = reserved + $3 WHERE budget = $1 AND spent + reserved + $3 <= $2");
        reserve.Parameters.Add(new() { Value = budget });
        reserve.Parameters.Add(new() { Value = limit });
        reserve.Parameters.Add(new() { Value = amount });
        return await reserve.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task SettleAsync(string budget, decimal reserved, decimal actual, CancellationToken cancellationToken)
    {
        await using var settle = dataSource.CreateCommand("""
            INSERT INTO crosscheck_budgets AS b (budget, spent, reserved) VALUES ($1, $3, 0)
            ON CONFLICT (budget) DO UPDATE SET spent = b.spent + $3, reserved = greatest(0, b.reserved - $2)
            """);
        settle.Parameters.Add(new() { Value = budget });
        settle.Parameters.Add(new() { Value = reserved });
        settle.Parameters.Add(new() { Value = actual });
        await settle.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<(decimal Spent, decimal Reserved)> GetAsync(string budget, CancellationToken cancellationToken)
    {
        await using var read = dataSource.CreateCommand("SELECT spent, reserved FROM crosscheck_budgets WHERE budget = $1");
        read.Parameters.Add(new() { Value = budget });
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetDecimal(0), reader.GetDecimal(1)) : (0m, 0m);
    }
}
