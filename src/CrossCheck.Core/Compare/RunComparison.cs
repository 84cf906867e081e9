namespace CrossCheck.Compare;

/// <summary>
/// Two runs side by side (<c>crosscheck compare</c>): every claim matched by text (<see cref="ClaimMatcher"/>) as
/// unchanged, reworded, added or removed; for matched claims, each panelist's verdict and the final verdict before and
/// after; and the runs' agreement and cost.
/// </summary>
public sealed record RunComparison(RunSnapshot Before, RunSnapshot After, IReadOnlyList<RunComparison.Row> Rows)
{
    public sealed record VerdictChange(string Panelist, string? Before, string? After);

    public sealed record Row(
        ClaimChange Change,
        string? BeforeId,
        string? AfterId,
        string? BeforeText,
        string? AfterText,
        double Similarity,
        string? FinalBefore,
        string? FinalAfter,
        IReadOnlyList<VerdictChange> VerdictChanges)
    {
        public bool FinalChanged => Change is ClaimChange.Unchanged or ClaimChange.Reworded && FinalBefore != FinalAfter;
    }

    public static RunComparison Of(RunSnapshot before, RunSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var matches = ClaimMatcher.Match([.. before.Claims.Select(c => c.Text)], [.. after.Claims.Select(c => c.Text)]);
        var panelists = before.Panelists.Union(after.Panelists, StringComparer.Ordinal).ToArray();
        var rows = matches.Select(m =>
        {
            var b = m.Before is { } bi ? before.Claims[bi] : null;
            var a = m.After is { } ai ? after.Claims[ai] : null;
            var changes = b is null || a is null
                ? []
                : panelists.Select(p => new VerdictChange(p, b.Verdicts.GetValueOrDefault(p), a.Verdicts.GetValueOrDefault(p))).Where(v => v.Before != v.After).ToArray();
            return new Row(m.Change, b?.Id, a?.Id, b?.Text, a?.Text, m.Similarity, b?.FinalVerdict, a?.FinalVerdict, changes);
        }).ToArray();
        return new RunComparison(before, after, rows);
    }

    public int Count(ClaimChange change) => Rows.Count(r => r.Change == change);
}
