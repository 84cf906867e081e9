using CrossCheck.Agreement;
using CrossCheck.Checks;

namespace CrossCheck.Tests.Agreement;

/// <summary>Builds ratings tables from compact rows for the agreement tests.</summary>
internal static class Tables
{
    public const Verdict S = Verdict.Supported;
    public const Verdict P = Verdict.PartiallySupported;
    public const Verdict C = Verdict.Contradicted;
    public const Verdict N = Verdict.NotInSource;
    public const Verdict X = Verdict.NotCheckable;
    public const Verdict F = Verdict.Failed;

    /// <summary>A table with panelists p0, p1, … (family "f0", "f1", …) and claims c0, c1, … with no drafter.</summary>
    public static RatingsTable Of(params Verdict?[][] rows)
    {
        var width = rows.Length == 0 ? 0 : rows[0].Length;
        var panelists = Enumerable.Range(0, width).Select(i => new RatedPanelist($"p{i}", $"f{i}")).ToList();
        var claims = Enumerable.Range(0, rows.Length).Select(i => new RatedClaim($"c{i}")).ToList();
        return new RatingsTable(claims, panelists, rows);
    }
}
