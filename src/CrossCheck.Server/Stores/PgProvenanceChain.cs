using System.Security.Cryptography;
using System.Text;
using CrossCheck.Provenance;
using Npgsql;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The PostgreSQL profile's <see cref="IProvenanceChain"/>: each run's head (next sequence number, last line's hash)
/// is one row, locked <c>FOR UPDATE</c> while a record is appended, so writers in any number of processes extend one
/// ordered chain; the lines are stored as written and exported byte for byte.
/// </summary>
public sealed class PgProvenanceChain(NpgsqlDataSource dataSource, TimeProvider time) : IProvenanceChain
{
    public async Task<(long Sequence, string Hash)> AppendAsync(string runId, string type, object data, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = new NpgsqlCommand("INSERT INTO crosscheck_provenance_heads (run_id, next_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (run_id) DO NOTHING", connection, transaction))
        {
            create.Parameters.Add(new() { Value = runId });
            create.Parameters.Add(new() { Value = ProvenanceLog.GenesisHash });
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        long sequence;
        string previous;
        await using (var head = new NpgsqlCommand("SELECT next_seq, last_hash FROM crosscheck_provenance_heads WHERE run_id = $1 FOR UPDATE", connection, transaction))
        {
            head.Parameters.Add(new() { Value = runId });
            await using var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            sequence = reader.GetInt64(0);
            previous = reader.GetString(1);
        }
        var line = ProvenanceLog.Line(sequence, time.GetUtcNow(), type, previous, data);
        var hash = Convert.ToHexStringLower(SHA256.HashData(line));
        await using (var insert = new NpgsqlCommand("INSERT INTO crosscheck_provenance (run_id, seq, line) VALUES ($1, $2, $3)", connection, transaction))
        {
            insert.Parameters.Add(new() { Value = runId });
            insert.Parameters.Add(new() { Value = sequence });
            insert.Parameters.Add(new() { Value = Encoding.UTF8.GetString(line) });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var advance = new NpgsqlCommand("UPDATE crosscheck_provenance_heads SET next_seq = $2, last_hash = $3 WHERE run_id = $1", connection, transaction))
        {
            advance.Parameters.Add(new() { Value = runId });
            advance.Parameters.Add(new() { Value = sequence + 1 });
            advance.Parameters.Add(new() { Value = hash });
            await advance.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (sequence, hash);
    }

    public (long Sequence, string Hash) Append(string runId, DateTimeOffset at, string type, object data)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var create = new NpgsqlCommand("INSERT INTO crosscheck_provenance_heads (run_id, next_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (run_id) DO NOTHING", connection, transaction))
        {
            create.Parameters.Add(new() { Value = runId });
            create.Parameters.Add(new() { Value = ProvenanceLog.GenesisHash });
            create.ExecuteNonQuery();
        }
        long sequence;
        string previous;
        using (var head = new NpgsqlCommand("SELECT next_seq, last_hash FROM crosscheck_provenance_heads WHERE run_id = $1 FOR UPDATE", connection, transaction))
        {
            head.Parameters.Add(new() { Value = runId });
            using var reader = head.ExecuteReader();
            reader.Read();
            sequence = reader.GetInt64(0);
            previous = reader.GetString(1);
        }
        var line = ProvenanceLog.Line(sequence, at, type, previous, data);
        var hash = Convert.ToHexStringLower(SHA256.HashData(line));
        using (var insert = new NpgsqlCommand("INSERT INTO crosscheck_provenance (run_id, seq, line) VALUES ($1, $2, $3)", connection, transaction))
        {
            insert.Parameters.Add(new() { Value = runId });
            insert.Parameters.Add(new() { Value = sequence });
            insert.Parameters.Add(new() { Value = Encoding.UTF8.GetString(line) });
            insert.ExecuteNonQuery();
        }
        using (var advance = new NpgsqlCommand("UPDATE crosscheck_provenance_heads SET next_seq = $2, last_hash = $3 WHERE run_id = $1", connection, transaction))
        {
            advance.Parameters.Add(new() { Value = runId });
            advance.Parameters.Add(new() { Value = sequence + 1 });
            advance.Parameters.Add(new() { Value = hash });
            advance.ExecuteNonQuery();
        }
        transaction.Commit();
        return (sequence, hash);
    }

    public async Task ImportAsync(string runId, string path, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        var last = lines.Length == 0 ? ProvenanceLog.GenesisHash : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines[^1])));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        string[] statements =
        [
            "DELETE FROM crosscheck_provenance WHERE run_id = $1",
            "DELETE FROM crosscheck_provenance_heads WHERE run_id = $1",
            "INSERT INTO crosscheck_provenance (run_id, seq, line) SELECT $1, o - 1, l FROM unnest($2::text[]) WITH ORDINALITY AS t(l, o)",
            "INSERT INTO crosscheck_provenance_heads (run_id, next_seq, last_hash) VALUES ($1, $2, $3)",
        ];
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new() { Value = runId });
            if (sql.Contains("unnest", StringComparison.Ordinal))
            {
                command.Parameters.Add(new() { Value = lines });
            }
            else if (sql.StartsWith("INSERT INTO crosscheck_provenance_heads", StringComparison.Ordinal))
            {
                command.Parameters.Add(new() { Value = (long)lines.Length });
                command.Parameters.Add(new() { Value = last });
            }
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Close(string runId)
    {
    }

    public async Task<long> ExportAsync(string runId, string path, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT line FROM crosscheck_provenance WHERE run_id = $1 ORDER BY seq");
        command.Parameters.Add(new() { Value = runId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var temporary = path + ".tmp";
        long records = 0;
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await file.WriteAsync(Encoding.UTF8.GetBytes(reader.GetString(0) + "\n"), cancellationToken).ConfigureAwait(false);
                records++;
            }
        }
        File.Move(temporary, path, overwrite: true);
        return records;
    }
}
