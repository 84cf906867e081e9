using System.Text.Json;
using CrossCheck.Server.Runs;
using Npgsql;
using NpgsqlTypes;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The PostgreSQL profile's run store, shared by every process: one row per run holding its record as jsonb; a change
/// is applied under the row's lock (<c>SELECT … FOR UPDATE</c>), and a run's lease is taken in one statement.
/// </summary>
public sealed partial class PgRunStore(NpgsqlDataSource dataSource) : IRunStore
{
    public async Task<bool> CreateAsync(RunRecord run, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO crosscheck_runs (id, owner, status, created, record) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING");
        command.Parameters.Add(new() { Value = run.Id });
        command.Parameters.Add(new() { Value = run.Owner });
        command.Parameters.Add(new() { Value = Status(run.Status) });
        command.Parameters.Add(new() { Value = run.Created.UtcDateTime });
        command.Parameters.Add(Json(run));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<RunRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT record FROM crosscheck_runs WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json ? Read(json) : null;
    }

    public Task<IReadOnlyList<RunRecord>> ListAsync(string? owner, CancellationToken cancellationToken) =>
        QueryAsync(owner is null
            ? "SELECT record FROM crosscheck_runs ORDER BY created DESC, id DESC"
            : "SELECT record FROM crosscheck_runs WHERE owner = $1 ORDER BY created DESC, id DESC", owner, cancellationToken);

    public Task<IReadOnlyList<RunRecord>> UnfinishedAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT record FROM crosscheck_runs WHERE status IN ('queued', 'running') ORDER BY created", null, cancellationToken);

    public async Task<RunRecord?> UpdateAsync(string id, Func<RunRecord, RunRecord> change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var read = new NpgsqlCommand("SELECT record FROM crosscheck_runs WHERE id = $1 FOR UPDATE", connection) { Parameters = { new() { Value = id } } };
        if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string json)
        {
            return null;
        }
        var next = change(Read(json));
        await using var write = new NpgsqlCommand("UPDATE crosscheck_runs SET record = $2, status = $3 WHERE id = $1", connection)
        {
            Parameters = { new() { Value = id }, Json(next), new() { Value = Status(next.Status) } },
        };
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return next;
    }

    public async Task<int?> TryLeaseAsync(string id, string worker, TimeSpan duration, CancellationToken cancellationToken, bool counted = true)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE crosscheck_runs SET lease_owner = $2, lease_until = clock_timestamp() + $3, attempt = attempt + $4,
                status = 'running',
                record = jsonb_set(jsonb_set(record, '{attempt}', to_jsonb(attempt + $4)), '{status}', '"running"')
            WHERE id = $1 AND status IN ('queued', 'running')
              AND (lease_until IS NULL OR lease_until < clock_timestamp() OR lease_owner = $2)
            RETURNING attempt
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = worker });
        command.Parameters.Add(new() { Value = duration });
        command.Parameters.Add(new() { Value = counted ? 1 : 0 });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int attempt ? attempt : null;
    }

    public async Task RenewLeaseAsync(string id, string worker, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE crosscheck_runs SET lease_until = clock_timestamp() + $3 WHERE id = $1 AND lease_owner = $2");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = worker });
        command.Parameters.Add(new() { Value = duration });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseLeaseAsync(string id, string worker, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE crosscheck_runs SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = worker });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<RunRecord>> QueryAsync(string sql, string? owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        if (owner is not null)
        {
            command.Parameters.Add(new() { Value = owner });
        }
        var runs = new List<RunRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(Read(reader.GetString(0)));
        }
        return runs;
    }

    private static NpgsqlParameter Json(RunRecord run) => new() { Value = JsonSerializer.Serialize(run, ServeJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static RunRecord Read(string json) => JsonSerializer.Deserialize<RunRecord>(json, ServeJson.Options)!;

    private static string Status(RunStatus status) => status.ToString().ToLowerInvariant();
}
