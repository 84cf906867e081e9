using System.Globalization;
using CrossCheck.Checks;
using CrossCheck.Review;

namespace CrossCheck.Reports.Html;

/// <summary>
/// The claims × raters table: one row per claim; the verdict columns (final, the editor's when the run was
/// reviewed, the grounding checker, each panelist) come before the claim's text so they stay in view on a
/// phone. Cells carry a letter as well as a colour; the legend spells the letters out.
/// </summary>
internal static class Heatmap
{
    public static void Render(HtmlText html, HtmlReport report)
    {
        var (run, claims) = (report.Run, report.Claims);
        var panel = run.Options.Panel;
        var review = report.Review;
        html.Raw("<section class=\"matrix\" id=\"matrix\" aria-labelledby=\"matrix-h\">\n");
        html.Element("h2", "Claims × panelists", ("id", "matrix-h"));
        Legend(html);
        html.Raw("<div class=\"table-wrap\"><table class=\"heatmap\">\n<thead><tr><th class=\"id\" scope=\"col\">claim</th><th class=\"col final\" scope=\"col\">final</th>");
        if (review is not null)
        {
            html.Element("th", "human", ("class", "col human"), ("scope", "col"), ("title", "the editor's review"));
        }
        html.Element("th", GroundingChecker.PanelistName, ("class", "col"), ("title", "offline grounding checker (no model)"));
        foreach (var p in panel)
        {
            html.Element("th", p.Id, ("class", "col"), ("title", $"{p.Id} ({p.Family})"));
        }
        html.Raw("<th scope=\"col\">agreement</th><th class=\"text\" scope=\"col\">text</th><th class=\"kind\" scope=\"col\">kind</th></tr></thead>\n<tbody>\n");
        foreach (var c in report.ProblemsFirst)
        {
            html.Open("tr",
                ("data-claim", c.Id),
                ("data-verdict", c.FinalVerdict.Name()),
                ("data-kind", VerdictStyle.Kind(c.Kind)),
                ("data-agreement", VerdictStyle.Agreement(c.Panel?.Agreement)),
                ("data-sev", HtmlReport.Severity(c.FinalVerdict).ToString(CultureInfo.InvariantCulture)),
                ("data-dis", HtmlReport.Disagreement(c).ToString(CultureInfo.InvariantCulture)),
                ("data-pos", report.Position(c).ToString(CultureInfo.InvariantCulture)),
                ("tabindex", "0"),
                ("aria-label", $"{c.Id}: {VerdictStyle.Label(c.FinalVerdict)}; open its detail"));
            html.Element("td", c.Id, ("class", "id"));
            Cell(html, c.FinalVerdict, "final", false, "final");
            if (review is not null)
            {
                Human(html, review.For(c.Id));
            }
            Cell(html, c.Grounding.Verdict, "grounding checker", false);
            foreach (var p in panel)
            {
                var answer = c.Panel?.Verifications.FirstOrDefault(v => v.Panelist == p.Id);
                if (c.Panel is null)
                {
                    html.Element("td", "·", ("class", "cell none"), ("title", $"{p.Id}: not asked (claim not checkable)"));
                }
                else
                {
                    Cell(html, answer?.Verdict ?? Verdict.Failed, p.Id, answer?.UnverifiedSupport ?? false);
                }
            }
            html.Element("td", (c.Panel?.AgreementLabel ?? VerdictStyle.Human(VerdictStyle.Agreement(null))) + (c.Panel?.Overruled == true ? " · overruled" : ""), ("class", "agreement"));
            html.Element("td", ProblemList.Shorten(c.Text, 110), ("class", "text"), ("title", c.Text));
            html.Element("td", VerdictStyle.Human(VerdictStyle.Kind(c.Kind)), ("class", "kind"));
            html.Close("tr").Line();
        }
        html.Raw("</tbody></table></div>\n</section>\n");
    }

    private static void Human(HtmlText html, HumanDecision? d)
    {
        if (d is null)
        {
            html.Element("td", "·", ("class", "cell none human"), ("data-human", ""), ("title", "not reviewed"));
            return;
        }
        var css = d.Verdict is { } v ? VerdictStyle.Css(v) : "none";
        html.Element("td", d.Decision.Name().Replace('_', ' '), ("class", $"cell human {css}"), ("data-human", d.Decision.Name()),
            ("title", $"{d.Reviewer}: {d.Decision.Name().Replace('_', ' ')}{(d.Verdict is { } hv ? $" (verdict {VerdictStyle.Label(hv)})" : "")}{(d.Note is { } n ? $": {n}" : "")}"));
    }

    private static void Cell(HtmlText html, Verdict verdict, string who, bool unverified, string? extra = null) =>
        html.Element("td", VerdictStyle.Letter(verdict) + (unverified ? "†" : ""),
            ("class", $"cell {VerdictStyle.Css(verdict)}{(extra is null ? "" : " " + extra)}"),
            ("data-cell", verdict.Name()),
            ("title", $"{who}: {VerdictStyle.Label(verdict)}{(unverified ? " (no verified citation)" : "")}"));

    private static void Legend(HtmlText html)
    {
        html.Raw("<ul class=\"legend\" aria-label=\"legend\">");
        foreach (var v in VerdictStyle.Order)
        {
            html.Open("li").Element("span", VerdictStyle.Letter(v), ("class", $"cell {VerdictStyle.Css(v)}")).Text(" " + VerdictStyle.Label(v)).Close("li");
        }
        html.Raw("<li><span class=\"cell none\">·</span> not asked</li><li><span class=\"cell\">S†</span> supported without a verified citation</li></ul>\n");
    }
}
