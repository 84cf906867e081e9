using CrossCheck.Checks;
using System.Globalization;
using CrossCheck.Review;

namespace CrossCheck.Reports.Html;

/// <summary>The page header: run, sources, counts by verdict (each a filter button), the checks, the panel's and the editor's agreement.</summary>
public static partial class HtmlReportWriter
{
    /// <summary>What the run warned about its inputs (damaged PDF, empty or repeated source, essay and source swapped...), before any figure.</summary>
    private static void InputWarnings(HtmlText html, Runs.RunResult run)
    {
        var docs = run.Sources.Prepend(run.Essay).Where(d => d.Warnings.Count > 0).ToArray();
        if (docs.Length == 0)
        {
            return;
        }
        html.Open("ul", ("class", "input-warnings"), ("aria-label", "warnings about the inputs"));
        foreach (var doc in docs)
        {
            foreach (var warning in doc.Warnings)
            {
                html.Open("li").Element("strong", $"Warning, {doc.FileName}: ").Text(warning).Close("li");
            }
        }
        html.Close("ul").Line();
    }

    private static void Header(HtmlText html, HtmlReport report)
    {
        var (run, summary) = (report.Run, report.Summary);
        html.Raw("<header class=\"top\">\n");
        html.Element("div", "CrossCheck report", ("class", "eyebrow"));
        html.Element("h1", run.Essay.FileName, ("id", "essay-name"));
        html.Open("p", ("class", "meta"))
            .Text("Run ").Element("code", run.RunId, ("id", "run-id"))
            .Text(" · ").Element("time", run.Finished.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), ("datetime", run.Finished.ToString("O", CultureInfo.InvariantCulture)))
            .Text($" · CrossCheck {run.ProgramVersion}")
            .Close("p").Line();
        html.Open("p", ("class", "meta sources")).Text("Sources: ");
        for (var i = 0; i < run.Sources.Count; i++)
        {
            var s = run.Sources[i];
            html.Text(i == 0 ? "" : "; ");
            if (report.Link(s.FileName, 1) is { } href)
            {
                html.Open("a", ("class", "source"), ("href", href), ("title", $"{s.Path}\nSHA-256 {s.Sha256}"), ("target", "_blank"), ("rel", "noopener")).Text(s.FileName).Close("a");
            }
            else
            {
                html.Element("span", s.FileName, ("class", "source"), ("title", $"{s.Path}\nSHA-256 {s.Sha256}"));
            }
            html.Text($" ({s.Pages.Count} {(s.Pages.Count == 1 ? "page" : "pages")}, {s.Kind})");
        }
        html.Close("p").Line();
        InputWarnings(html, run);

        html.Open("div", ("class", "counts"), ("role", "group"), ("aria-label", "claims by final verdict; click a count to show only those claims"));
        html.Open("button", ("type", "button"), ("class", "count total"), ("data-count-filter", "all"), ("aria-pressed", "true"))
            .Element("span", summary.Claims.ToString(CultureInfo.InvariantCulture), ("class", "n"), ("data-count", "total")).Element("span", "claims", ("class", "label")).Close("button");
        foreach (var v in VerdictStyle.Order)
        {
            var n = summary.ByVerdict.TryGetValue(v.Name(), out var count) ? count : 0;
            html.Open("button", ("type", "button"), ("class", $"count {VerdictStyle.Css(v)}{(n == 0 ? " zero" : "")}"), ("data-count-filter", v.Name()), ("aria-pressed", "false"))
                .Element("span", n.ToString(CultureInfo.InvariantCulture), ("class", "n"), ("data-count", v.Name()))
                .Element("span", VerdictStyle.Label(v), ("class", "label"))
                .Close("button");
        }
        html.Close("div").Line();
        html.Element("p", $"Mechanical checks: quotes verified {summary.QuotesVerified}/{summary.Quotes} · numbers found {summary.NumbersFound}/{summary.Numbers} · section references holding {summary.SectionsHolding}/{summary.SectionReferences}.", ("class", "meta checks-line"));

        html.Open("div", ("class", "panel-summary"));
        if (summary.Panel is { } p)
        {
            html.Open("p", ("class", "meta")).Text($"Panel of {p.Panelists}: ");
            var panel = run.Options.Panel;
            for (var i = 0; i < panel.Count; i++)
            {
                html.Text(i == 0 ? "" : ", ").Element("span", panel[i].Id, ("class", "panelist")).Text($" ({panel[i].Family})");
            }
            html.Text($", beside the offline grounding checker. {p.ClaimsJudged} claims judged, {p.ModelAnswers} model answers ({p.FailedAnswers} failed, {p.RepairedAnswers} repaired).").Close("p").Line();
            var a = p.Agreement;
            html.Open("p", ("class", "meta agreement"));
            if (p.Panelists > 1)
            {
                html.Text("Agreement over the verify verdicts: ")
                    .Open("span", ("data-figure", "fleiss")).Text("Fleiss' κ ");
                Figure(html, a.Fleiss.Kappa, a.Fleiss.UndefinedReason);
                html.Text($" (n = {a.Fleiss.Claims} claims)").Close("span")
                    .Text(" · ")
                    .Open("span", ("data-figure", "alpha-nominal")).Text("Krippendorff's α (nominal) ");
                Figure(html, a.AlphaNominal.Alpha, a.AlphaNominal.UndefinedReason);
                html.Text($" (n = {a.AlphaNominal.PairableValues} values in {a.AlphaNominal.Claims} claims)").Close("span")
                    .Text($" · unanimous {a.Count(Agreement.AgreementClass.Unanimous)}, majority {a.Count(Agreement.AgreementClass.Majority)}, split {a.Count(Agreement.AgreementClass.Split)} claims.");
            }
            else
            {
                html.Text("One panelist only: no cross-model check took place, and no agreement figure applies.");
            }
            html.Close("p").Line();
            html.Element("p", $"Tokens: {p.InputTokens.ToString("N0", CultureInfo.InvariantCulture)} in / {p.OutputTokens.ToString("N0", CultureInfo.InvariantCulture)} out. Cost: {(summary.Cost is { } cost ? MarkdownReportWriter.CostText(cost) : "not recorded")}. Citations verified {p.CitationsVerified}/{p.Citations}; {p.UnverifiedSupport} \"supported\" vote(s) without a verified citation.", ("class", "meta"), ("data-figure", "tokens"));
        }
        else
        {
            html.Element("p", "No language model took part: every verdict is the offline grounding checker's (retrieval and mechanical checks against the source text).", ("class", "meta no-panel"));
        }
        html.Close("div").Line();
        HumanSummary(html, report);
        html.Raw("</header>\n");
    }

    /// <summary>The editor's review in one paragraph: reviewed and unreviewed counts, decisions, and Cohen's κ of human × final and × each rater.</summary>
    private static void HumanSummary(HtmlText html, HtmlReport report)
    {
        if (report.HumanAgreement is not { } h || report.Review is not { } review)
        {
            return;
        }
        html.Open("div", ("class", "human-summary"), ("id", "human-summary"));
        html.Open("p", ("class", "meta"))
            .Element("strong", "Human review: ")
            .Element("span", $"{h.Reviewed} of {h.Claims} claims reviewed, {h.Unreviewed} unreviewed", ("data-figure", "reviewed"))
            .Text($" (by {string.Join(", ", review.Reviewers)}): agree {h.Count(HumanDecisionKind.Agree)}, false alarm {h.Count(HumanDecisionKind.FalseAlarm)}, fixed {h.Count(HumanDecisionKind.Fixed)}, note only {h.Count(HumanDecisionKind.Note)}.")
            .Close("p").Line();
        html.Open("p", ("class", "meta agreement"));
        html.Open("span", ("data-figure", "kappa-human-final")).Text("Cohen's κ human × final ");
        Kappa(html, h.VersusFinal);
        html.Close("span");
        foreach (var pair in h.VersusRaters)
        {
            html.Text(" · ").Open("span", ("data-figure", "kappa-human-" + pair.PanelistB)).Text($"human × {pair.PanelistB} ");
            Kappa(html, pair.Figure);
            html.Close("span");
        }
        html.Close("p").Line();
        html.Close("div").Line();
    }

    private static void Kappa(HtmlText html, Agreement.KappaFigure k)
    {
        Figure(html, k.Kappa, k.UndefinedReason);
        html.Text(k.ObservedAgreement is { } po
            ? $" (n = {k.Claims} claims, observed agreement {po.ToString("0.00", CultureInfo.InvariantCulture)})"
            : $" (n = {k.Claims} claims)");
    }

    /// <summary>"= 0.412", or "undefined (reason)" when the statistic is undefined; the value in bold.</summary>
    private static void Figure(HtmlText html, double? value, string? reason)
    {
        if (value is { } v)
        {
            html.Text("= ").Element("strong", v.ToString("0.000", CultureInfo.InvariantCulture));
        }
        else
        {
            html.Element("strong", "undefined").Text($" ({reason})");
        }
    }
}
