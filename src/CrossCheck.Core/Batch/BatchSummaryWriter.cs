using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CrossCheck.Agreement;
using CrossCheck.Checks;
using CrossCheck.Provenance;
using CrossCheck.Reports;
using CrossCheck.Safety;
using CsvHelper;

namespace CrossCheck.Batch;

/// <summary>Writes batch-summary.csv (one row per essay), batch-summary.json and batch-summary.html.</summary>
public static class BatchSummaryWriter
{
    public const string Format = "crosscheck.batch/1";

    public static void WriteAll(BatchSummary summary, string folder)
    {
        Directory.CreateDirectory(folder);
        WriteCsv(summary, Path.Combine(folder, "batch-summary.csv"));
        File.WriteAllText(Path.Combine(folder, "batch-summary.json"), JsonSerializer.Serialize(new
        {
            format = Format,
            essays = summary.Essays,
            failed = summary.Failed,
            cost_usd = summary.CostUsd,
            pooled_agreement = summary.Pooled is { } p ? new { claims = p.Claims.Count, fleiss = p.Fleiss, alpha_nominal = p.AlphaNominal, alpha_ordinal = p.AlphaOrdinal, pairwise = p.Pairwise, self_preference = p.SelfPreference } : null,
            intervals = summary.Intervals,
        }, ReportJson.Indented));
        File.WriteAllText(Path.Combine(folder, "batch-summary.html"), Html(summary));
    }

    private static void WriteCsv(BatchSummary summary, string path)
    {
        using var writer = new StreamWriter(path);
        using var csv = CsvWriter.Create(writer);
        csv.WriteRecord(["essay", "folder", "claims", "checkable", .. VerdictNames.All.Select(v => v.Name()), "cost_usd", "complete"]);
        foreach (var e in summary.Essays)
        {
            csv.WriteRecord(Array.ConvertAll<string, string>(
            [
                e.Id, e.Folder, e.Claims.ToString(CultureInfo.InvariantCulture), e.Checkable.ToString(CultureInfo.InvariantCulture),
                .. VerdictNames.All.Select(v => e.ByVerdict.GetValueOrDefault(v.Name()).ToString(CultureInfo.InvariantCulture)),
                e.CostUsd.ToString("0.####", CultureInfo.InvariantCulture), e.Complete ? "true" : "false",
            ], CsvCell.Neutralise));
        }
    }

    private static string Html(BatchSummary s)
    {
        var h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CrossCheck batch</title><style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>");
        h.Append("<h1>Batch of ").Append(s.Essays.Count).Append(" essay(s)</h1><table><tr><th>essay</th><th>claims</th><th>checkable</th>");
        foreach (var v in VerdictNames.All)
        {
            h.Append("<th>").Append(v.Name()).Append("</th>");
        }
        h.Append("<th>cost (US$)</th></tr>");
        foreach (var e in s.Essays)
        {
            h.Append("<tr><td>").Append(WebUtility.HtmlEncode(e.Id)).Append("</td><td>").Append(e.Claims).Append("</td><td>").Append(e.Checkable).Append("</td>");
            foreach (var v in VerdictNames.All)
            {
                h.Append("<td>").Append(e.ByVerdict.GetValueOrDefault(v.Name())).Append("</td>");
            }
            h.Append("<td>").Append(e.CostUsd.ToString("0.00##", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }
        h.Append("</table>");
        if (s.Pooled is { } p)
        {
            h.Append("<h2>Agreement pooled over ").Append(p.Claims.Count).Append(" claims</h2><table><tr><th>figure</th><th>value</th><th>95% interval</th></tr>");
            Row(h, "Fleiss' kappa", p.Fleiss.Kappa, s.Intervals?.Fleiss);
            Row(h, "Krippendorff's alpha (nominal)", p.AlphaNominal.Alpha, s.Intervals?.AlphaNominal);
            Row(h, "Krippendorff's alpha (ordinal)", p.AlphaOrdinal.Alpha, s.Intervals?.AlphaOrdinal);
            foreach (var (pair, i) in p.Pairwise.Select((x, i) => (x, i)))
            {
                Row(h, $"Cohen's kappa {pair.PanelistA} × {pair.PanelistB}", pair.Figure.Kappa, s.Intervals?.Pairwise[i].Interval);
            }
            foreach (var (f, i) in p.SelfPreference.Select((x, i) => (x, i)))
            {
                Row(h, $"Self-preference, {f.Family}", f.Difference, s.Intervals?.SelfPreference[i].Interval);
            }
            h.Append("</table>");
            if (s.Intervals is { } iv)
            {
                h.Append("<p>").Append(WebUtility.HtmlEncode(iv.Method)).Append(", ").Append(iv.Replicates).Append(" replicates, seed ").Append(iv.Seed).Append(".</p>");
            }
        }
        return h.Append("</body></html>").ToString();
    }

    private static void Row(StringBuilder h, string name, double? value, Interval? interval) =>
        h.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td>").Append(value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "undefined")
            .Append("</td><td>").Append(interval is null ? "–" : WebUtility.HtmlEncode(ResearchSections.Text(interval))).Append("</td></tr>");
}
