using System.Globalization;
using CrossCheck.Checks;
using CrossCheck.Models;
using CrossCheck.Safety;
using CsvHelper;

namespace CrossCheck.Reports;

/// <summary>
/// Writes <c>matrix.csv</c>: one row per claim, one column per check and per panelist (the
/// grounding checker is always one), the final verdict and the best evidence.
/// </summary>
public static class MatrixCsvWriter
{
    /// <summary>The columns: fixed ones, then one verdict column per panelist (named provider:model), then the outcome.</summary>
    public static string[] Header(IReadOnlyList<Models.PanelistSpec> panel) =>
    [
        "claim_id", "line", "text", "kind", "checkable", "quote_check", "number_check", "section_check",
        "support_score", GroundingChecker.PanelistName, .. panel.Select(p => p.Id), "final_verdict", "overruled", "agreement",
        "citations_verified", "evidence_source", "evidence_page", "evidence_section", "evidence_excerpt",
    ];

    public static void Write(string path, IReadOnlyList<ClaimRecord> claims, IReadOnlyList<Models.PanelistSpec> panel)
    {
        using var writer = new StreamWriter(path);
        using var csv = CsvWriter.Create(writer);
        csv.WriteRecord(Header(panel));
        foreach (var c in claims)
        {
            var g = c.Grounding;
            var best = g.BestEvidence;
            csv.WriteRecord(Safe(
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
                .. panel.Select(p => c.Panel is null ? "" : (c.Panel.Verifications.FirstOrDefault(v => v.Panelist == p.Id)?.Verdict ?? Verdict.Failed).Name()),
                c.FinalVerdict.Name(),
                c.Panel is null ? "" : c.Panel.Overruled ? "true" : "false",
                c.Panel is null ? "" : c.Panel.AgreementLabel,
                c.Panel?.CitationsVerified ?? "",
                best?.Source ?? "",
                best?.Page.ToString(CultureInfo.InvariantCulture) ?? "",
                best?.Section ?? "",
                best is null ? "" : LocationRecord.Excerpt(best.Text, 300),
            ]));
        }
    }

    /// <summary>Every cell that a spreadsheet would run as a formula is neutralised (CSV injection, see <see cref="CsvCell"/>).</summary>
    private static string[] Safe(string[] cells) => Array.ConvertAll(cells, CsvCell.Neutralise);

    private static string Name<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value, Provenance.ReportJson.Options).Trim('"');
}
