using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using CrossCheck.Models;

namespace CrossCheck.Caching;

/// <summary>
/// Model answers on disk in one SQLite file, keyed by <see cref="CacheKey"/>. Only complete, non-empty answers are
/// stored; errors never reach it. Safe to use from many threads and processes (a connection per operation, WAL
/// journal, busy timeout). Default file: <see cref="DefaultPath"/>.
/// </summary>
public sealed class ResponseCache : IResponseStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly Lazy<bool> _created;

    public ResponseCache(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _time = timeProvider ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        _created = new Lazy<bool>(CreateSchema, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path { get; }

    /// <summary>
    /// <c>$XDG_CACHE_HOME/crosscheck/responses.db</c>, else <c>~/.cache/crosscheck/responses.db</c>, else the local
    /// application-data folder. The environment is passed in so tests never read the process's.
    /// </summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? root = environment("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : environment("HOME") is { Length: > 0 } home
                ? System.IO.Path.Combine(home, ".cache")
                : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return System.IO.Path.Combine(root, "crosscheck", "responses.db");
    }

    public async Task<CachedResponse?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT provider, model, text, input_tokens, output_tokens, model_version, created_utc FROM responses WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return CachedResponse.FromRow(key, reader, DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    /// <summary>Stores an answer; returns false (and stores nothing) when its text is empty or white space.</summary>
    public async Task<bool> PutAsync(string key, PanelistSpec panelist, ModelAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(panelist);
        ArgumentNullException.ThrowIfNull(answer);
        if (!CachedResponse.IsStorable(answer))
        {
            return false;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR REPLACE INTO responses (key, provider, model, text, input_tokens, output_tokens, model_version, created_utc, text_bytes)
            VALUES ($key, $provider, $model, $text, $in, $out, $version, $created, $bytes)
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$provider", panelist.Provider);
        command.Parameters.AddWithValue("$model", panelist.Model);
        command.Parameters.AddWithValue("$text", answer.Text);
        command.Parameters.AddWithValue("$in", answer.InputTokens);
        command.Parameters.AddWithValue("$out", answer.OutputTokens);
        command.Parameters.AddWithValue("$version", (object?)answer.ModelVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$bytes", Encoding.UTF8.GetByteCount(answer.Text));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Fails loudly, before any model call, when the cache cannot be used (a read-only folder, a path under a file, a
    /// damaged file): otherwise every call would fail on it and every claim come back failed.
    /// </summary>
    /// <exception cref="Ingest.InputException">One line naming the file and the way out.</exception>
    public void EnsureUsable()
    {
        try
        {
            _ = GetStats();
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new Ingest.InputException(
                $"{Path}: the response cache cannot be used ({e.Message.ReplaceLineEndings(" ").TrimEnd('.')}); set CrossCheck__CachePath to a writable file, run 'crosscheck cache clear' if it is damaged, or pass --no-cache.", e);
        }
    }

    /// <summary>
    /// Removes every entry; a cache file that cannot be opened as a database (damaged) is deleted instead, so the
    /// documented reset always works. Returns how many entries were removed and whether a damaged file was deleted.
    /// </summary>
    public (int Removed, bool DamagedFileDeleted) ClearOrReset()
    {
        try
        {
            return (Clear(), false);
        }
        catch (SqliteException)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
            {
                File.Delete(file);
            }
            return (0, true);
        }
    }

    /// <summary>Removes every entry and compacts the file; returns how many entries there were.</summary>
    public int Clear()
    {
        _ = _created.Value;
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM responses";
        int removed = delete.ExecuteNonQuery();
        using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM";
        vacuum.ExecuteNonQuery();
        return removed;
    }

    public CacheStats GetStats()
    {
        _ = _created.Value;
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COALESCE(SUM(text_bytes), 0) FROM responses";
        using var reader = command.ExecuteReader();
        reader.Read();
        long entries = reader.GetInt64(0), bytes = reader.GetInt64(1);
        long file = new[] { Path, Path + "-wal" }.Where(File.Exists).Sum(p => new FileInfo(p).Length);
        return new CacheStats(entries, bytes, file, Path);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        _ = _created.Value;
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private bool CreateSchema()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS responses (
                key TEXT PRIMARY KEY,
                provider TEXT NOT NULL,
                model TEXT NOT NULL,
                text TEXT NOT NULL,
                input_tokens INTEGER NOT NULL,
                output_tokens INTEGER NOT NULL,
                model_version TEXT NULL,
                created_utc TEXT NOT NULL,
                text_bytes INTEGER NOT NULL
            );
            """;
        command.ExecuteNonQuery();
        return true;
    }
}
