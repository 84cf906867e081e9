using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CrossCheck.Provenance;

namespace CrossCheck.Compare;

/// <summary>Writes a <see cref="RunComparison"/> as compare.md, compare.json and a side-by-side compare.html.</summary>
public static class ComparisonWriter
{
    public const string Format = "crosscheck.compare/1";

    public static void WriteAll(RunComparison comparison, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "compare.md"), Markdown(comparison));
        File.WriteAllText(Path.Combine(folder, "compare.json"), Json(comparison));
        File.WriteAllText(Path.Combine(folder, "compare.html"), Html(comparison));
    }

    public static string Json(RunComparison c) => JsonSerializer.Serialize(new
    {
        format = Format,
        before = Figures(c.Before),
        after = Figures(c.After),
        counts = Enum.GetValues<ClaimChange>().ToDictionary(k => Name(k), c.Count),
        final_verdicts_changed = c.Rows.Count(r => r.FinalChanged),
        claims = c.Rows.Select(r => new
        {
            change = Name(r.Change), before_id = r.BeforeId, after_id = r.AfterId, before_text = r.BeforeText, after_text = r.AfterText,
            similarity = r.Similarity, final_before = r.FinalBefore, final_after = r.FinalAfter, final_changed = r.FinalChanged,
            verdict_changes = r.VerdictChanges,
        }),
    }, ReportJson.Indented);

    public static string Markdown(RunComparison c)
    {
        var md = new StringBuilder();
        md.AppendLine($"# Compare {c.Before.RunId} → {c.After.RunId}").AppendLine();
        md.AppendLine($"Claims: {c.Count(ClaimChange.Unchanged)} unchanged, {c.Count(ClaimChange.Reworded)} reworded, {c.Count(ClaimChange.Added)} added, {c.Count(ClaimChange.Removed)} removed; final verdict changed on {c.Rows.Count(r => r.FinalChanged)} matched claim(s).").AppendLine();
        md.AppendLine("| figure | before | after |").AppendLine("|---|---:|---:|");
        md.AppendLine($"| Fleiss' kappa | {F(c.Before.Fleiss)} | {F(c.After.Fleiss)} |");
        md.AppendLine($"| Krippendorff's alpha (nominal) | {F(c.Before.AlphaNominal)} | {F(c.After.AlphaNominal)} |");
        md.AppendLine($"| Krippendorff's alpha (ordinal) | {F(c.Before.AlphaOrdinal)} | {F(c.After.AlphaOrdinal)} |");
        md.AppendLine($"| model calls | {c.Before.Calls?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {c.After.Calls?.ToString(CultureInfo.InvariantCulture) ?? "–"} |");
        md.AppendLine($"| cost (US$) | {c.Before.CostUsd?.ToString("0.00##", CultureInfo.InvariantCulture) ?? "–"} | {c.After.CostUsd?.ToString("0.00##", CultureInfo.InvariantCulture) ?? "–"} |").AppendLine();
        foreach (var r in c.Rows.Where(r => r.Change != ClaimChange.Unchanged || r.FinalChanged || r.VerdictChanges.Count > 0))
        {
            md.AppendLine(r.Change switch
            {
                ClaimChange.Added => $"- **added** {r.AfterId}: {r.AfterText} — final {r.FinalAfter}",
                ClaimChange.Removed => $"- **removed** {r.BeforeId}: {r.BeforeText} — was {r.FinalBefore}",
                ClaimChange.Reworded => $"- **reworded** {r.BeforeId} → {r.AfterId} (word overlap {r.Similarity:0.00}): \"{r.BeforeText}\" → \"{r.AfterText}\" — final {r.FinalBefore} → {r.FinalAfter}",
                _ => $"- **verdicts changed** {r.AfterId}: {r.AfterText} — final {r.FinalBefore} → {r.FinalAfter}",
            });
            foreach (var v in r.VerdictChanges)
            {
                md.AppendLine($"  - {v.Panelist}: {v.Before ?? "–"} → {v.After ?? "–"}");
            }
        }
        return md.ToString();
    }

    public static string Html(RunComparison c)
    {
        var h = new StringBuilder();
        h.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Compare ").Append(E(c.Before.RunId)).Append(" → ").Append(E(c.After.RunId)).Append("</title>");
        h.Append("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}")
            .Append(".added{background:#e8f7e8}.removed{background:#fbe9e9}.reworded{background:#fff6dc}.changed{font-weight:bold}</style></head><body>");
        h.Append("<h1>").Append(E(c.Before.RunId)).Append(" → ").Append(E(c.After.RunId)).Append("</h1>");
        h.Append("<p>").Append(c.Count(ClaimChange.Unchanged)).Append(" unchanged, ").Append(c.Count(ClaimChange.Reworded)).Append(" reworded, ")
            .Append(c.Count(ClaimChange.Added)).Append(" added, ").Append(c.Count(ClaimChange.Removed)).Append(" removed; final verdict changed on ").Append(c.Rows.Count(r => r.FinalChanged)).Append(" matched claim(s).</p>");
        h.Append("<table><tr><th>figure</th><th>").Append(E(c.Before.RunId)).Append("</th><th>").Append(E(c.After.RunId)).Append("</th></tr>");
        h.Append("<tr><td>Fleiss' kappa</td><td>").Append(F(c.Before.Fleiss)).Append("</td><td>").Append(F(c.After.Fleiss)).Append("</td></tr>");
        h.Append("<tr><td>Krippendorff's alpha (ordinal)</td><td>").Append(F(c.Before.AlphaOrdinal)).Append("</td><td>").Append(F(c.After.AlphaOrdinal)).Append("</td></tr>");
        h.Append("<tr><td>cost (US$)</td><td>").Append(c.Before.CostUsd?.ToString("0.00##", CultureInfo.InvariantCulture) ?? "–").Append("</td><td>").Append(c.After.CostUsd?.ToString("0.00##", CultureInfo.InvariantCulture) ?? "–").Append("</td></tr></table>");
        h.Append("<h2>Claims side by side</h2><table><tr><th>change</th><th>").Append(E(c.Before.RunId)).Append("</th><th>final</th><th>").Append(E(c.After.RunId)).Append("</th><th>final</th><th>panelists whose verdict changed</th></tr>");
        foreach (var r in c.Rows)
        {
            h.Append("<tr class=\"").Append(Name(r.Change)).Append("\"><td>").Append(Name(r.Change)).Append("</td><td>").Append(E(r.BeforeText)).Append("</td><td>").Append(E(r.FinalBefore))
                .Append("</td><td>").Append(E(r.AfterText)).Append("</td><td").Append(r.FinalChanged ? " class=\"changed\"" : "").Append('>').Append(E(r.FinalAfter)).Append("</td><td>")
                .Append(string.Join("<br>", r.VerdictChanges.Select(v => $"{E(v.Panelist)}: {E(v.Before ?? "–")} → {E(v.After ?? "–")}"))).Append("</td></tr>");
        }
        return h.Append("</table></body></html>").ToString();
    }

    public static string Name(ClaimChange change) => change.ToString().ToLowerInvariant();

    private static object Figures(RunSnapshot s) => new { run_id = s.RunId, claims = s.Claims.Count, fleiss_kappa = s.Fleiss, alpha_nominal = s.AlphaNominal, alpha_ordinal = s.AlphaOrdinal, calls = s.Calls, cost_usd = s.CostUsd };

    private static string F(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
