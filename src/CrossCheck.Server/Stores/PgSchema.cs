using Npgsql;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The PostgreSQL schema, created and migrated on start: each migration runs once, in order, and is recorded in
/// <c>crosscheck_schema_version</c>. Processes starting together take an advisory lock, so one migrates and the
/// others find it done.
/// </summary>
public static class PgSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE crosscheck_runs (
            id text PRIMARY KEY,
            owner text NOT NULL,
            status text NOT NULL,
            created timestamptz NOT NULL,
            record jsonb NOT NULL,
            lease_owner text,
            lease_until timestamptz,
            attempt integer NOT NULL DEFAULT 0);
        CREATE INDEX crosscheck_runs_owner ON crosscheck_runs (owner, created DESC);
        CREATE INDEX crosscheck_runs_unfinished ON crosscheck_runs (created) WHERE status IN ('queued', 'running');
        CREATE TABLE crosscheck_rate_buckets (
            provider text PRIMARY KEY,
            tokens double precision NOT NULL,
            updated timestamptz NOT NULL);
        """,
        """
        CREATE TABLE crosscheck_responses (
            key text PRIMARY KEY,
            provider text NOT NULL,
            model text NOT NULL,
            text text NOT NULL,
            input_tokens integer NOT NULL,
            output_tokens integer NOT NULL,
            model_version text,
            created timestamptz NOT NULL);
        """,
        """
        CREATE TABLE crosscheck_provenance_heads (
            run_id text PRIMARY KEY,
            next_seq bigint NOT NULL,
            last_hash text NOT NULL);
        CREATE TABLE crosscheck_provenance (
            run_id text NOT NULL,
            seq bigint NOT NULL,
            line text NOT NULL,
            PRIMARY KEY (run_id, seq));
        """,
        """
        CREATE TABLE crosscheck_budgets (
            budget text PRIMARY KEY,
            spent numeric NOT NULL,
            reserved numeric NOT NULL);
        """,
        """
        CREATE TABLE crosscheck_claims (
            run_id text NOT NULL,
            claim_id text NOT NULL,
            ord integer NOT NULL,
            state text NOT NULL DEFAULT 'pending',
            attempt integer NOT NULL DEFAULT 0,
            lease_owner text,
            lease_until timestamptz,
            PRIMARY KEY (run_id, claim_id));
        """,
        """
        CREATE TABLE crosscheck_budget_holds (
            budget text NOT NULL,
            holder text NOT NULL,
            amount numeric NOT NULL,
            PRIMARY KEY (budget, holder));
        """,
    ];

    public static int Latest => Migrations.Length;

    /// <returns>The schema version after migrating.</returns>
    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, "SELECT pg_advisory_xact_lock(7310411)", cancellationToken).ConfigureAwait(false);
        await Execute(connection, "CREATE TABLE IF NOT EXISTS crosscheck_schema_version (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);
        await using var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM crosscheck_schema_version", connection);
        var current = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        if (current > Migrations.Length)
        {
            throw new Ingest.InputException($"--store: the database's CrossCheck schema is version {current}, newer than this program's {Migrations.Length}; update the program.");
        }
        for (var version = current + 1; version <= Migrations.Length; version++)
        {
            await Execute(connection, Migrations[version - 1], cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO crosscheck_schema_version (version) VALUES ($1)", connection) { Parameters = { new() { Value = version } } };
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Migrations.Length;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
