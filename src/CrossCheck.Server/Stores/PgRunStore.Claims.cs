using CrossCheck.Server.Runs;
using Npgsql;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The claims of planned runs in <c>crosscheck_claims</c>: a lease is taken in one conditional update, and a claim is
/// completed under the run row's lock, so exactly one worker sees the last claim done and finishes the run.
/// </summary>
public sealed partial class PgRunStore
{
    public async Task AddClaimsAsync(string runId, IReadOnlyList<string> claimIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO crosscheck_claims (run_id, claim_id, ord)
            SELECT $1, c, o - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(c, o)
            ON CONFLICT (run_id, claim_id) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = claimIds.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ClaimTake> TryLeaseClaimAsync(string runId, string claimId, string worker, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH taken AS (
                UPDATE crosscheck_claims SET lease_owner = $3, lease_until = clock_timestamp() + $4, attempt = attempt + 1
                WHERE run_id = $1 AND claim_id = $2 AND state = 'pending'
                  AND (lease_until IS NULL OR lease_until < clock_timestamp() OR lease_owner = $3)
                RETURNING attempt)
            SELECT (SELECT attempt FROM taken), c.state,
                   greatest(0, extract(epoch FROM coalesce(c.lease_until, clock_timestamp()) - clock_timestamp()))::double precision
            FROM crosscheck_claims c WHERE c.run_id = $1 AND c.claim_id = $2
            """);
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = claimId });
        command.Parameters.Add(new() { Value = worker });
        command.Parameters.Add(new() { Value = duration });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return new ClaimTake(null, true, TimeSpan.Zero);
        }
        int? attempt = reader.IsDBNull(0) ? null : reader.GetInt32(0);
        return new ClaimTake(attempt, attempt is null && reader.GetString(1) != ClaimRow.Pending, TimeSpan.FromSeconds(reader.GetDouble(2)));
    }

    public async Task RenewClaimLeasesAsync(string runId, string worker, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE crosscheck_claims SET lease_until = clock_timestamp() + $3 WHERE run_id = $1 AND lease_owner = $2 AND state = 'pending'");
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = worker });
        command.Parameters.Add(new() { Value = duration });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseClaimAsync(string runId, string claimId, string worker, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE crosscheck_claims SET lease_owner = NULL, lease_until = NULL WHERE run_id = $1 AND claim_id = $2 AND lease_owner = $3");
        command.Parameters.Add(new() { Value = runId });
        command.Parameters.Add(new() { Value = claimId });
        command.Parameters.Add(new() { Value = worker });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CompleteClaimAsync(string runId, string claimId, string state, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The run row's lock puts completions of one run in a line: the last one counts 0 pending, whichever process it is in.
        await using (var lockRun = new NpgsqlCommand("SELECT 1 FROM crosscheck_runs WHERE id = $1 FOR UPDATE", connection, transaction) { Parameters = { new() { Value = runId } } })
        {
            await lockRun.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var done = new NpgsqlCommand(
            "UPDATE crosscheck_claims SET state = $3, lease_owner = NULL, lease_until = NULL WHERE run_id = $1 AND claim_id = $2 AND state = 'pending'", connection, transaction)
        {
            Parameters = { new() { Value = runId }, new() { Value = claimId }, new() { Value = state } },
        })
        {
            await done.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var count = new NpgsqlCommand("SELECT count(*) FROM crosscheck_claims WHERE run_id = $1 AND state = 'pending'", connection, transaction) { Parameters = { new() { Value = runId } } };
        var pending = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (int)pending;
    }

    public async Task<IReadOnlyList<ClaimRow>> ClaimsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT claim_id, state, attempt, lease_owner FROM crosscheck_claims WHERE run_id = $1 ORDER BY ord");
        command.Parameters.Add(new() { Value = runId });
        var rows = new List<ClaimRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ClaimRow(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return rows;
    }
}
