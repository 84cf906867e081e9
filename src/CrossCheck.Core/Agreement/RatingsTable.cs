using CrossCheck.Checks;

namespace CrossCheck.Agreement;

/// <summary>
/// Claims × panelists; each cell is the panelist's verdict on the claim, or null when the
/// panelist gave none (not asked, or the run stopped before it). A failed call is
/// <see cref="Verdict.Failed"/>, not null: it happened and is counted.
/// </summary>
public sealed class RatingsTable
{
    private readonly Verdict?[][] _cells;

    /// <param name="claims">The rows.</param>
    /// <param name="panelists">The columns.</param>
    /// <param name="cells">One row per claim, one cell per panelist, in the same orders.</param>
    public RatingsTable(IReadOnlyList<RatedClaim> claims, IReadOnlyList<RatedPanelist> panelists, IReadOnlyList<IReadOnlyList<Verdict?>> cells)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(panelists);
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != claims.Count)
        {
            throw new ArgumentException($"{cells.Count} rows of cells for {claims.Count} claims.", nameof(cells));
        }
        _cells = new Verdict?[claims.Count][];
        for (var i = 0; i < claims.Count; i++)
        {
            if (cells[i].Count != panelists.Count)
            {
                throw new ArgumentException($"Row {i} ({claims[i].ClaimId}) has {cells[i].Count} cells for {panelists.Count} panelists.", nameof(cells));
            }
            _cells[i] = [.. cells[i]];
        }
        Claims = [.. claims];
        Panelists = [.. panelists];
    }

    public IReadOnlyList<RatedClaim> Claims { get; }

    public IReadOnlyList<RatedPanelist> Panelists { get; }

    public Verdict? this[int claim, int panelist] => _cells[claim][panelist];

    /// <summary>One claim's cells, in panelist order.</summary>
    public IReadOnlyList<Verdict?> Row(int claim) => _cells[claim];

    /// <summary>The table as ordinal codes (see <see cref="VerdictScale"/>): null for missing, not_checkable and failed.</summary>
    public IReadOnlyList<IReadOnlyList<int?>> Codes() =>
        [.. _cells.Select(row => (IReadOnlyList<int?>)[.. row.Select(VerdictScale.Code)])];
}
