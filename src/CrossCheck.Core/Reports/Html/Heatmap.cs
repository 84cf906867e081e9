using CrossCheck.Checks;
using CrossCheck.Runs;

namespace CrossCheck.Reports.Html;

/// <summary>The claims × panelists table: one row per claim, the grounding checker and each panelist as columns, coloured by verdict.</summary>
internal static class Heatmap
{
    public static void Render(HtmlText html, RunResult run, IReadOnlyList<ClaimRecord> claims)
    {
        var panel = run.Options.Panel;
        html.Raw("<section class=\"matrix\" id=\"matrix\">\n");
        html.Element("h2", "Claims × panelists");
        Legend(html);
        html.Raw("<div class=\"table-wrap\"><table class=\"heatmap\">\n<thead><tr><th class=\"id\">claim</th><th class=\"text\">text</th><th class=\"kind\">kind</th>");
        html.Element("th", GroundingChecker.PanelistName, ("class", "col"), ("title", "offline grounding checker (no model)"));
        foreach (var p in panel)
        {
            html.Element("th", p.Id, ("class", "col"), ("title", $"{p.Id} ({p.Family})"));
        }
        html.Raw("<th class=\"col final\">final</th><th>agreement</th></tr></thead>\n<tbody>\n");
        foreach (var c in claims)
        {
            html.Open("tr",
                ("data-claim", c.Id),
                ("data-verdict", c.FinalVerdict.Name()),
                ("data-kind", VerdictStyle.Kind(c.Kind)),
                ("data-agreement", VerdictStyle.Agreement(c.Panel?.Agreement)),
                ("tabindex", "0"),
                ("role", "button"));
            html.Element("td", c.Id, ("class", "id"));
            html.Element("td", Shorten(c.Text, 110), ("class", "text"), ("title", c.Text));
            html.Element("td", VerdictStyle.Human(VerdictStyle.Kind(c.Kind)), ("class", "kind"));
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
            Cell(html, c.FinalVerdict, "final", false, "final");
            html.Element("td", (c.Panel?.AgreementLabel ?? VerdictStyle.Human(VerdictStyle.Agreement(null))) + (c.Panel?.Overruled == true ? " · overruled" : ""), ("class", "agreement"));
            html.Close("tr").Line();
        }
        html.Raw("</tbody></table></div>\n</section>\n");
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

    private static string Shorten(string text, int max) => text.Length > max ? text[..max].TrimEnd() + "…" : text;
}
