using CrossCheck.Checks;
using System.Globalization;

namespace CrossCheck.Reports.Html;

/// <summary>The bar under the header: search, sort, filters by verdict, kind and agreement, and the review export.</summary>
public static partial class HtmlReportWriter
{
    private static void Toolbar(HtmlText html, HtmlReport report)
    {
        var claims = report.Claims;
        html.Raw("<nav class=\"filters\" aria-label=\"search, sort and filters\">\n");
        html.Open("div", ("class", "tools"))
            .Element("label", "Search", ("for", "search"), ("class", "tool-label"))
            .Open("input", ("type", "search"), ("id", "search"), ("placeholder", "words in a claim, an id…"), ("autocomplete", "off"))
            .Element("label", "Sort", ("for", "sort"), ("class", "tool-label"))
            .Open("select", ("id", "sort"))
            .Element("option", "problems first (severity)", ("value", "sev"), ("selected", ""))
            .Element("option", "most disagreement", ("value", "dis"))
            .Element("option", "essay order", ("value", "pos"))
            .Close("select")
            .Close("div").Line();
        FilterGroup(html, "verdict", "Verdict", VerdictStyle.Order.Select(v => v.Name()).Where(n => claims.Any(c => c.FinalVerdict.Name() == n)), true);
        FilterGroup(html, "kind", "Kind", claims.Select(c => VerdictStyle.Kind(c.Kind)).Distinct().Order(StringComparer.Ordinal), false);
        FilterGroup(html, "agreement", "Agreement", claims.Select(c => VerdictStyle.Agreement(c.Panel?.Agreement)).Distinct().Order(StringComparer.Ordinal), false);
        html.Open("div", ("class", "review-tools"))
            .Element("label", "Reviewer", ("for", "reviewer"), ("class", "tool-label"))
            .Open("input", ("type", "text"), ("id", "reviewer"), ("placeholder", "your name"), ("autocomplete", "name"))
            .Element("button", "Export decisions", ("type", "button"), ("id", "export-decisions"))
            .Element("span", "0 marked", ("id", "review-count"), ("class", "shown"), ("aria-live", "polite"))
            .Close("div").Line();
        html.Open("span", ("class", "shown")).Element("span", claims.Count.ToString(CultureInfo.InvariantCulture), ("id", "shown-count")).Text($" of {claims.Count} claims shown").Close("span");
        html.Raw("</nav>\n");
    }

    private static void FilterGroup(HtmlText html, string dimension, string title, IEnumerable<string> values, bool swatch)
    {
        html.Open("fieldset", ("class", "filter-group"), ("data-dimension", dimension)).Element("legend", title);
        foreach (var value in values)
        {
            html.Open("label", ("class", "chip" + (swatch ? " v-" + value : "")))
                .Open("input", ("type", "checkbox"), ("checked", ""), ("data-filter", dimension), ("value", value));
            if (swatch)
            {
                html.Raw("<span class=\"swatch\"></span>");
            }
            html.Text(VerdictStyle.Human(value)).Close("label");
        }
        html.Close("fieldset").Line();
    }
}
