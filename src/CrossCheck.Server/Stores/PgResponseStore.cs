using CrossCheck.Caching;
using CrossCheck.Models;
using Npgsql;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The PostgreSQL profile's response cache: one table every worker process shares, so an answer one process paid
/// for is a hit for the others. Same keys and the same rule as the SQLite file (<see cref="ResponseCache"/>): only
/// complete, non-empty answers; a later answer under the same key replaces the earlier.
/// </summary>
public sealed class PgResponseStore(NpgsqlDataSource dataSource, TimeProvider time) : IResponseStore
{
    public async Task<CachedResponse?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = dataSource.CreateCommand("SELECT provider, model, text, input_tokens, output_tokens, model_version, created FROM crosscheck_responses WHERE key = $1");
        command.Parameters.Add(new() { Value = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return CachedResponse.FromRow(key, reader, new DateTimeOffset(reader.GetDateTime(6), TimeSpan.Zero));
    }

    public async Task<bool> PutAsync(string key, PanelistSpec panelist, ModelAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(panelist);
        ArgumentNullException.ThrowIfNull(answer);
        if (!CachedResponse.IsStorable(answer))
        {
            return false;
        }
        await using var command = dataSource.CreateCommand("""
            INSERT INTO crosscheck_responses (key, provider, model, text, input_tokens, output_tokens, model_version, created)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (key) DO UPDATE SET provider = excluded.provider, model = excluded.model, text = excluded.text,
                input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
                model_version = excluded.model_version, created = excluded.created
            """);
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = panelist.Provider });
        command.Parameters.Add(new() { Value = panelist.Model });
        command.Parameters.Add(new() { Value = answer.Text });
        command.Parameters.Add(new() { Value = answer.InputTokens });
        command.Parameters.Add(new() { Value = answer.OutputTokens });
        command.Parameters.Add(new() { Value = (object?)answer.ModelVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = time.GetUtcNow().UtcDateTime });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public void EnsureUsable()
    {
        try
        {
            using var command = dataSource.CreateCommand("SELECT count(*) FROM crosscheck_responses WHERE false");
            command.ExecuteScalar();
        }
        catch (NpgsqlException e)
        {
            throw new Ingest.InputException($"the shared response cache in PostgreSQL cannot be used ({e.Message.TrimEnd('.')}); check the --store database, or submit with the cache off.", e);
        }
    }
}
