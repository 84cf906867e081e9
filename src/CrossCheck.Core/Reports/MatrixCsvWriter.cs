using System.Globalization;
using CrossCheck.Checks;
using CsvHelper;

namespace CrossCheck.Reports;

/// <summary>
/// Writes <c>matrix.csv</c>: one row per claim, one column per check and per panelist (the
/// grounding checker is always one), the final verdict and the best evidence.
/// </summary>
public static class MatrixCsvWriter
{
    public static readonly string[] Header =
    [
        "claim_id", "line", "text", "kind", "checkable", "quote_check", "number_check", "section_check",
        "support_score", GroundingChecker.PanelistName, "final_verdict", "evidence_source", "evidence_page",
        "evidence_section", "evidence_excerpt",
    ];

    public static void Write(string path, IReadOnlyList<ClaimRecord> claims)
    {
        using var writer = new StreamWriter(path);
        using var csv = CsvWriter.Create(writer);
        csv.WriteRecord(Header);
        foreach (var c in claims)
        {
            var g = c.Grounding;
            var best = g.BestEvidence;
            csv.WriteRecord(
            [
                c.Id,
                c.Line.ToString(CultureInfo.InvariantCulture),
                c.Text,
                c.Kind.ToString(),
                c.Checkable ? "true" : "false",
                string.Join("; ", g.Quotes.Select(q => q.Match == QuoteMatch.Near ? $"near({q.Similarity.ToString("0.00", CultureInfo.InvariantCulture)})" : Name(q.Match))),
                string.Join("; ", g.Numbers.Select(n => $"{n.Number}: {Name(n.Match)}")),
                string.Join("; ", g.Sections.Select(s => $"{s.Reference}: {Name(s.Match)}")),
                g.Support?.Score.ToString("0.000", CultureInfo.InvariantCulture) ?? "",
                g.Verdict.Name(),
                c.FinalVerdict.Name(),
                best?.Source ?? "",
                best?.Page.ToString(CultureInfo.InvariantCulture) ?? "",
                best?.Section ?? "",
                best is null ? "" : LocationRecord.Excerpt(best.Text, 300),
            ]);
        }
    }

    private static string Name<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
