using Npgsql;

namespace CrossCheck.Server.Stores;

/// <summary>
/// The PostgreSQL profile's <see cref="IRateGate"/>: one statement refills the provider's bucket for the time since
/// its last use, takes one token (going below zero when the bucket is empty: a reservation), and returns when the
/// request may go, on the database's clock. Every process calling a provider shares its one row.
/// </summary>
public sealed class PgRateGate(NpgsqlDataSource dataSource) : IRateGate
{
    private const string Reserve = """
        INSERT INTO crosscheck_rate_buckets AS b (provider, tokens, updated) VALUES ($1, $3 - 1, clock_timestamp())
        ON CONFLICT (provider) DO UPDATE SET
            tokens = least($3, b.tokens + $2 * extract(epoch FROM clock_timestamp() - b.updated)) - 1,
            updated = clock_timestamp()
        RETURNING tokens, updated
        """;

    public async Task<DateTimeOffset> ReserveAsync(string provider, double ratePerSecond, double burst, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Reserve);
        command.Parameters.Add(new() { Value = provider });
        command.Parameters.Add(new() { Value = ratePerSecond });
        command.Parameters.Add(new() { Value = burst });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var tokens = reader.GetDouble(0);
        var at = new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
        return tokens >= 0 ? at : at + TimeSpan.FromSeconds(-tokens / ratePerSecond);
    }
}
