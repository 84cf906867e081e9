using System.Globalization;
using CrossCheck.Agreement;

namespace CrossCheck.Reports.Html;

/// <summary>
/// The report's "For researchers" section: each agreement figure with its bootstrap interval and the method and seed
/// behind it, the aggregation rule, and with --trials each panelist's self-consistency. Nothing for a run without a
/// panel of two or more.
/// </summary>
internal static class ResearchSection
{
    public static void Render(HtmlText html, ResearchFigures? research, RunSummary summary)
    {
        if (research is null)
        {
            return;
        }
        html.Open("section", ("class", "research"), ("id", "research"));
        html.Element("h2", "For researchers");
        html.Element("p", $"Final verdicts drawn by the rule {research.Aggregation}: {research.AggregationRule}.", ("class", "meta"));
        if (research.Intervals is { } i && summary.Panel?.Agreement is { } a)
        {
            html.Element("p", $"{i.Level.ToString("P0", CultureInfo.InvariantCulture)} intervals: {i.Method}, {i.Replicates.ToString("N0", CultureInfo.InvariantCulture)} replicates of {i.Claims} claims, seed {i.Seed}.", ("class", "meta"));
            html.Open("table", ("class", "intervals")).Raw("<thead><tr><th>figure</th><th>value</th><th>interval</th></tr></thead><tbody>");
            Row(html, "Fleiss' kappa", a.Fleiss.Kappa, i.Fleiss);
            Row(html, "Krippendorff's alpha (nominal)", a.AlphaNominal.Alpha, i.AlphaNominal);
            Row(html, "Krippendorff's alpha (ordinal)", a.AlphaOrdinal.Alpha, i.AlphaOrdinal);
            foreach (var (pair, k) in a.Pairwise.Select((p, k) => (p, k)))
            {
                Row(html, $"Cohen's kappa {pair.PanelistA} × {pair.PanelistB}", pair.Figure.Kappa, i.Pairwise[k].Interval);
            }
            foreach (var (family, k) in a.SelfPreference.Select((f, k) => (f, k)))
            {
                Row(html, $"Self-preference, {family.Family}", family.Difference, i.SelfPreference[k].Interval);
            }
            html.Raw("</tbody>").Close("table").Line();
        }
        if (research.Trials is { } t)
        {
            html.Element("p", $"{t.Trials} verify trials per panelist and claim; self-consistency (mean stability of the modal verdict): " +
                string.Join("; ", t.Panelists.Select(p => $"{p.Panelist} {p.SelfConsistency.ToString("0.000", CultureInfo.InvariantCulture)}")) + ".", ("class", "meta"));
        }
        html.Close("section").Line();
    }

    private static void Row(HtmlText html, string name, double? value, Interval interval) =>
        html.Open("tr").Element("td", name).Element("td", value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "undefined").Element("td", ResearchSections.Text(interval)).Close("tr");
}
