using System.Globalization;
using CrossCheck.Checks;

namespace CrossCheck.Reports.Html;

/// <summary>
/// Keeps report.html's size bounded on long runs: the full detail of a claim (evidence, checks, every answer, the
/// review form) is what weighs, about 25 KB a claim, so one page holds at most <see cref="ClaimsPerPage"/> of them.
/// report.html holds the worst claims (problems first, the same order as its list) in full, and everything else of
/// the page (the list of every claim, the essay with every claim marked, the heatmap) with, for each other claim, a
/// short pointer to the extra page that holds its detail: report-2.html, report-3.html… Each extra page is the same
/// page shape for its own claims, without the essay. A short run (up to <see cref="ClaimsPerPage"/> claims) is one page.
/// </summary>
internal static class ReportPages
{
    /// <summary>Claims in full on one page.</summary>
    public const int ClaimsPerPage = 250;

    public static string FileName(int page) => page == 1 ? "report.html" : $"report-{page.ToString(CultureInfo.InvariantCulture)}.html";

    /// <summary>The page of each claim's detail, problems first; null when one page holds them all.</summary>
    public static IReadOnlyDictionary<string, int>? Assign(HtmlReport report)
    {
        if (report.Claims.Count <= ClaimsPerPage)
        {
            return null;
        }
        return report.ProblemsFirst.Select((c, i) => (c.Id, Page: 1 + (i / ClaimsPerPage)))
            .ToDictionary(x => x.Id, x => x.Page, StringComparer.Ordinal);
    }

    /// <summary>In place of a claim's detail held on another page: its verdict and a link there.</summary>
    public static void Pointer(HtmlText html, ClaimRecord c, int page)
    {
        html.Open("section", ("class", "detail"), ("id", "detail-" + c.Id), ("data-detail", c.Id), ("hidden", ""), ("tabindex", "-1"), ("aria-label", "claim " + c.Id)).Line();
        html.Open("div", ("class", "detail-head"))
            .Element("span", VerdictStyle.Label(c.FinalVerdict), ("class", $"badge {VerdictStyle.Css(c.FinalVerdict)}"), ("data-final", c.FinalVerdict.Name()))
            .Element("span", c.Id, ("class", "cid"))
            .Close("div").Line();
        html.Element("blockquote", ProblemList.Shorten(c.Text, 400), ("class", "claim-text")).Line();
        var file = FileName(page);
        html.Open("p").Text("This run has many claims, so the full detail of this one (evidence, checks, every answer, the review form) is on ")
            .Element("a", file, ("href", $"{file}#{Uri.EscapeDataString(c.Id)}")).Text(".").Close("p").Line();
        html.Raw("</section>\n");
    }

    /// <summary>The line under the header of a paged report: which claims this page details, and links to every page.</summary>
    public static void Navigation(HtmlText html, HtmlReport report, int pages)
    {
        html.Open("nav", ("class", "pages"), ("aria-label", "report pages"));
        html.Text(report.Page == 1
            ? $"This run has many claims: this page gives the full detail of the {ClaimsPerPage} worst (problems first); the others are detailed on further pages: "
            : $"Page {report.Page} of {pages}: the full detail of {report.Claims.Count} claims, problems first. The essay and every claim's verdict are on report.html. Pages: ");
        for (var p = 1; p <= pages; p++)
        {
            html.Text(p == 1 ? "" : " · ");
            if (p == report.Page)
            {
                html.Element("strong", FileName(p));
            }
            else
            {
                html.Element("a", FileName(p), ("href", FileName(p)));
            }
        }
        html.Close("nav").Line();
    }
}
