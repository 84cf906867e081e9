using CrossCheck.Checks;
using System.Globalization;

namespace CrossCheck.Reports.Html;

/// <summary>
/// Every claim in one list, problems first (worst final verdict, then the most disagreement among
/// the raters), each with its verdict in words, a short reason and the page of its best evidence:
/// what is wrong, why and where, at a glance. The page's script re-sorts it and filters it.
/// </summary>
internal static class ProblemList
{
    public static void Render(HtmlText html, HtmlReport report)
    {
        var problems = report.Claims.Count(c => HtmlReport.IsProblem(c.FinalVerdict));
        html.Raw("<section class=\"problems\" id=\"problems\" aria-labelledby=\"problems-h\">\n");
        html.Element("h2", "Claims, problems first", ("id", "problems-h"));
        html.Element("p", problems == 0
            ? "No claim was found contradicted, missing from the sources, only partly supported or failed."
            : $"{problems} of {report.Claims.Count} claims need a look: contradicted, not in the source, partially supported or failed, then the rest.", ("class", "hint"));
        html.Open("ol", ("class", "claim-list"), ("id", "claim-list"));
        foreach (var c in report.ProblemsFirst)
        {
            var page = c.Grounding.BestEvidence?.Page ?? c.Grounding.Evidence.FirstOrDefault()?.Page;
            var source = c.Grounding.BestEvidence?.Source ?? c.Grounding.Evidence.FirstOrDefault()?.Source;
            html.Open("li",
                ("data-claim", c.Id),
                ("data-verdict", c.FinalVerdict.Name()),
                ("data-kind", VerdictStyle.Kind(c.Kind)),
                ("data-agreement", VerdictStyle.Agreement(c.Panel?.Agreement)),
                ("data-sev", HtmlReport.Severity(c.FinalVerdict).ToString(CultureInfo.InvariantCulture)),
                ("data-dis", HtmlReport.Disagreement(c).ToString(CultureInfo.InvariantCulture)),
                ("data-pos", report.Position(c).ToString(CultureInfo.InvariantCulture)),
                ("class", HtmlReport.IsProblem(c.FinalVerdict) ? "problem" : "fine"));
            html.Open("button", ("type", "button"), ("class", "item"), ("data-open", c.Id), ("aria-controls", "detail-" + c.Id))
                .Element("span", VerdictStyle.Label(c.FinalVerdict), ("class", $"badge small {VerdictStyle.Css(c.FinalVerdict)}"))
                .Text(" ").Element("span", c.Id, ("class", "cid"))
                .Text(" ").Element("span", Shorten(c.Text, 180), ("class", "ptext"));
            var why = Reason(c);
            if (why is not null || page is not null)
            {
                html.Open("span", ("class", "why"));
                if (why is not null)
                {
                    html.Text(Shorten(why, 160));
                }
                if (page is { } p)
                {
                    html.Text((why is null ? "" : " · ") + $"{source} p. {p}");
                }
                var disagreeing = HtmlReport.Disagreement(c);
                if (disagreeing > 0)
                {
                    html.Text($" · {disagreeing} rater(s) disagree");
                }
                html.Close("span");
            }
            html.Close("button").Close("li").Line();
        }
        html.Close("ol").Line();
        html.Raw("</section>\n");
    }

    /// <summary>The reconciler's rationale when the panel judged the claim, else the grounding checker's first reason.</summary>
    private static string? Reason(ClaimRecord c) =>
        c.Panel?.Reconciliations.LastOrDefault(r => r.Rationale is { Length: > 0 })?.Rationale
        ?? c.Grounding.Reasons.FirstOrDefault();

    internal static string Shorten(string text, int max) => text.Length > max ? text[..max].TrimEnd() + "…" : text;
}
