using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CrossCheck.Checks;
using CrossCheck.Runs;

namespace CrossCheck.Reports.Html;

/// <summary>
/// Writes <c>report.html</c>: one self-contained file an editor can open offline. The header gives
/// the run, the sources, the counts by verdict and the panel's agreement figures; the essay is shown
/// with each claim marked by its final verdict; clicking a claim opens everything said about it;
/// a heatmap puts claims in rows and panelists (the grounding checker too) in columns.
/// <para>
/// Everything is rendered here, in C#: every string from the essay, the sources or a model is
/// HTML-encoded, and the inline script only shows, hides and filters elements that are already in
/// the page (it reads attributes, never writes data into markup). A Content-Security-Policy forbids
/// every network request and allows no script but the page's own, by hash.
/// </para>
/// </summary>
public static class HtmlReportWriter
{
    private static readonly string Css = Resource("report.css");
    private static readonly string Script = Resource("report.js");

    /// <summary>The CSP source expression of the page's one script.</summary>
    public static readonly string ScriptHash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)));

    public static string ContentSecurityPolicy =>
        $"default-src 'none'; style-src 'unsafe-inline'; script-src '{ScriptHash}'; img-src data:; base-uri 'none'; form-action 'none'";

    public static void Write(string path, RunResult run, IReadOnlyList<ClaimRecord> claims, RunSummary summary) =>
        File.WriteAllText(path, Render(run, claims, summary), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    public static string Render(RunResult run, IReadOnlyList<ClaimRecord> claims, RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(summary);
        var html = new HtmlText();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Open("meta", ("http-equiv", "Content-Security-Policy"), ("content", ContentSecurityPolicy)).Line();
        html.Raw("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Element("title", $"CrossCheck: {run.Essay.FileName} ({run.RunId})").Line();
        html.Raw("<style>").Raw(Css).Raw("</style>\n</head>\n<body>\n");

        Header(html, run, summary);
        Filters(html, claims);

        html.Raw("<main>\n<article class=\"essay-pane\">\n");
        html.Element("h2", "Essay");
        html.Element("p", "Each claim is marked with its final verdict. Click a claim (or press Enter on it) to see the evidence, the checks and every answer.", ("class", "hint"));
        html.Open("div", ("class", "essay"), ("id", "essay"));
        EssayMarkup.Render(html, run.Essay.Text, claims);
        html.Close("div").Raw("\n</article>\n");

        html.Raw("<aside class=\"detail-pane\" id=\"detail-pane\" aria-live=\"polite\">\n");
        html.Element("p", "Select a claim in the essay or the table to see its detail here.", ("class", "empty"), ("id", "detail-empty"));
        foreach (var c in claims)
        {
            ClaimDetail.Render(html, c, run.Sources);
        }
        html.Raw("</aside>\n</main>\n");

        Heatmap.Render(html, run, claims);
        ResearchSection.Render(html, ResearchFigures.From(run), summary);

        html.Open("footer").Text($"Written by CrossCheck {run.ProgramVersion}. Every step of this run is recorded in provenance.jsonl (hash-chained); check it with ")
            .Element("code", $"crosscheck verify-log <run folder>").Text($" (run {run.RunId})").Text(". Scores and verdicts are aids to an editor, not a substitute for reading the source.").Close("footer").Line();
        html.Raw("<script>").Raw(Script).Raw("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(HtmlText html, RunResult run, RunSummary summary)
    {
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
            html.Text(i == 0 ? "" : "; ").Element("span", s.FileName, ("class", "source"), ("title", $"{s.Path}\nSHA-256 {s.Sha256}"))
                .Text($" ({s.Pages.Count} {(s.Pages.Count == 1 ? "page" : "pages")}, {s.Kind})");
        }
        html.Close("p").Line();

        html.Open("div", ("class", "counts"), ("role", "list"));
        html.Open("div", ("class", "count total"), ("role", "listitem")).Element("span", summary.Claims.ToString(CultureInfo.InvariantCulture), ("class", "n"), ("data-count", "total")).Element("span", "claims", ("class", "label")).Close("div");
        foreach (var v in VerdictStyle.Order)
        {
            var n = summary.ByVerdict.TryGetValue(v.Name(), out var count) ? count : 0;
            html.Open("div", ("class", $"count {VerdictStyle.Css(v)}{(n == 0 ? " zero" : "")}"), ("role", "listitem"))
                .Element("span", n.ToString(CultureInfo.InvariantCulture), ("class", "n"), ("data-count", v.Name()))
                .Element("span", VerdictStyle.Label(v), ("class", "label"))
                .Close("div");
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
        html.Raw("</header>\n");
    }

    private static void Filters(HtmlText html, IReadOnlyList<ClaimRecord> claims)
    {
        html.Raw("<nav class=\"filters\" aria-label=\"filters\">\n");
        FilterGroup(html, "verdict", "Verdict", VerdictStyle.Order.Select(v => v.Name()).Where(n => claims.Any(c => c.FinalVerdict.Name() == n)), true);
        FilterGroup(html, "kind", "Kind", claims.Select(c => VerdictStyle.Kind(c.Kind)).Distinct().Order(StringComparer.Ordinal), false);
        FilterGroup(html, "agreement", "Agreement", claims.Select(c => VerdictStyle.Agreement(c.Panel?.Agreement)).Distinct().Order(StringComparer.Ordinal), false);
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

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CrossCheck.Reports.Html." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
