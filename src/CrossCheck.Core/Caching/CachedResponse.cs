namespace CrossCheck.Caching;

/// <summary>One stored answer.</summary>
public sealed record CachedResponse(
    string Key,
    string Provider,
    string Model,
    string Text,
    int InputTokens,
    int OutputTokens,
    string? ModelVersion,
    DateTimeOffset CreatedAt)
{
    /// <summary>The one rule every response store keeps: only a complete, non-empty answer is worth keeping (an empty one would be a hit that answers nothing).</summary>
    public static bool IsStorable(Models.ModelAnswer answer) => !string.IsNullOrWhiteSpace(answer?.Text);

    /// <summary>
    /// An answer read by a store whose row starts with provider, model, text, input tokens, output tokens and model
    /// version, in that order (the SQLite file and PostgreSQL both); each store reads its own time column.
    /// </summary>
    public static CachedResponse FromRow(string key, System.Data.Common.DbDataReader row, DateTimeOffset createdAt) =>
        new(key, row.GetString(0), row.GetString(1), row.GetString(2), row.GetInt32(3), row.GetInt32(4), row.IsDBNull(5) ? null : row.GetString(5), createdAt);
}
