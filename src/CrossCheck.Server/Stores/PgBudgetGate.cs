using Npgsql;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The PostgreSQL profile's <see cref="IBudgetGate"/>: one row per budget and one per holder's reservation. A
/// reservation is one transaction that locks the budget's row, so reservations from every process are checked one
/// after another against the limit; a holder's earlier reservation (a dead attempt's) is given back in the same step.
/// </summary>
public sealed class PgBudgetGate(NpgsqlDataSource dataSource) : IBudgetGate
{
    public async Task<bool> TryReserveAsync(string budget, string holder, decimal limit, decimal amount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (spent, reserved) = await LockAsync(connection, budget, cancellationToken).ConfigureAwait(false);
        var earlier = await TakeHoldAsync(connection, budget, holder, cancellationToken).ConfigureAwait(false);
        reserved = Math.Max(0, reserved - earlier);
        var fits = spent + reserved + amount <= limit;
        if (fits)
        {
            reserved += amount;
            await Execute(connection, "INSERT INTO crosscheck_budget_holds (budget, holder, amount) VALUES ($1, $2, $3)", cancellationToken, budget, holder, amount).ConfigureAwait(false);
        }
        await Execute(connection, "UPDATE crosscheck_budgets SET reserved = $2 WHERE budget = $1", cancellationToken, budget, reserved).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return fits;
    }

    public async Task SettleAsync(string budget, string holder, decimal actual, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (spent, reserved) = await LockAsync(connection, budget, cancellationToken).ConfigureAwait(false);
        var held = await TakeHoldAsync(connection, budget, holder, cancellationToken).ConfigureAwait(false);
        await Execute(connection, "UPDATE crosscheck_budgets SET spent = $2, reserved = $3 WHERE budget = $1", cancellationToken, budget, spent + actual, Math.Max(0, reserved - held)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<(decimal Spent, decimal Reserved)> GetAsync(string budget, CancellationToken cancellationToken)
    {
        await using var read = dataSource.CreateCommand("SELECT spent, reserved FROM crosscheck_budgets WHERE budget = $1");
        read.Parameters.Add(new() { Value = budget });
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetDecimal(0), reader.GetDecimal(1)) : (0m, 0m);
    }

    /// <summary>The budget's row, made if new and locked until the transaction ends: its spent and reserved amounts.</summary>
    private static async Task<(decimal Spent, decimal Reserved)> LockAsync(NpgsqlConnection connection, string budget, CancellationToken cancellationToken)
    {
        await Execute(connection, "INSERT INTO crosscheck_budgets (budget, spent, reserved) VALUES ($1, 0, 0) ON CONFLICT (budget) DO NOTHING", cancellationToken, budget).ConfigureAwait(false);
        await using var read = Command(connection, "SELECT spent, reserved FROM crosscheck_budgets WHERE budget = $1 FOR UPDATE", budget);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetDecimal(0), reader.GetDecimal(1));
    }

    /// <summary>Removes the holder's reservation, if any; returns its amount (0 without one).</summary>
    private static async Task<decimal> TakeHoldAsync(NpgsqlConnection connection, string budget, string holder, CancellationToken cancellationToken)
    {
        await using var take = Command(connection, "DELETE FROM crosscheck_budget_holds WHERE budget = $1 AND holder = $2 RETURNING amount", budget, holder);
        return await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is decimal amount ? amount : 0m;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = Command(connection, sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }
        return command;
    }
}
