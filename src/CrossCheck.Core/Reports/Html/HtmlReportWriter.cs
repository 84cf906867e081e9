using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CrossCheck.Review;
using CrossCheck.Runs;

namespace CrossCheck.Reports.Html;

/// <summary>
/// Writes <c>report.html</c>: one self-contained file an editor can open offline. The header gives
/// the run, the sources, the counts by verdict (each a filter) and the agreement figures; a list puts
/// the problem claims first; the essay is rendered from its Markdown with each claim marked by its
/// final verdict; clicking a claim opens everything said about it, with the claim's words and numbers
/// highlighted in the evidence, a word diff of a misquote and a link that opens the source at the
/// page; a heatmap puts claims in rows and raters in columns; the editor can mark each finding and
/// export the decisions for <c>crosscheck review</c>.
/// <para>
/// Everything is rendered here, in C#: every string from the essay, the sources or a model is
/// HTML-encoded, and the inline script only shows, hides, orders and filters elements that are already
/// in the page (it reads attributes, never writes data into markup). A Content-Security-Policy forbids
/// every network request and allows no script but the page's own, by hash.
/// </para>
/// The page is built from sections (<see cref="Sections"/>), each a method of a partial of this class
/// or a small renderer of its own, so a further section is one more entry there.
/// </summary>
public static partial class HtmlReportWriter
{
    private static readonly string Css = Resource("report.css");
    private static readonly string Script = Resource("report.js");

    /// <summary>The CSP source expression of the page's one script.</summary>
    public static readonly string ScriptHash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script)));

    public static string ContentSecurityPolicy =>
        $"default-src 'none'; style-src 'unsafe-inline'; script-src '{ScriptHash}'; img-src data:; base-uri 'none'; form-action 'none'";

    /// <summary>The sections of &lt;main&gt;, in page order.</summary>
    private static readonly Action<HtmlText, HtmlReport>[] Sections = [Workspace, (h, r) => Heatmap.Render(h, r)];

    /// <summary>Writes the page, placing the sources beside it (in <c>sources/</c>) as <paramref name="sources"/> says.</summary>
    public static void Write(string path, RunResult run, IReadOnlyList<ClaimRecord> claims, RunSummary summary,
        HumanReview? review = null, SourceLinkMode sources = SourceLinkMode.Copy)
    {
        ArgumentNullException.ThrowIfNull(run);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var links = SourceFiles.Place(folder, run.Sources, sources);
        var report = Context(run, claims, summary, review, links);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (ReportPages.Assign(report) is not { } pageOf)
        {
            Build(report).WriteTo(path, utf8);
            return;
        }
        // A long run: report.html details the worst claims, and further pages the rest (see ReportPages). The pages
        // are independent files, rendered side by side.
        var pages = pageOf.Values.Max();
        var ordered = report.ProblemsFirst;
        Parallel.For(1, pages + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, page =>
        {
            if (page == 1)
            {
                Build(report with { PageOf = pageOf }, pages).WriteTo(path, utf8);
                return;
            }
            var own = ordered.Where(c => pageOf[c.Id] == page).ToArray();
            Build(report with { Claims = own, Page = page, PageOf = pageOf }, pages).WriteTo(Path.Combine(folder, ReportPages.FileName(page)), utf8);
        });
    }

    public static string Render(RunResult run, IReadOnlyList<ClaimRecord> claims, RunSummary summary, HumanReview? review = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Render(Context(run, claims, summary, review, SourceFiles.Hrefs(run.Sources, SourceLinkMode.Copy)));
    }

    private static HtmlReport Context(RunResult run, IReadOnlyList<ClaimRecord> claims, RunSummary summary, HumanReview? review, IReadOnlyDictionary<string, string> links)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(summary);
        var agreement = review is null ? null : HumanAgreement.Compute(review, claims.Select(c => (c.Id, c.FinalVerdict, c.Verdicts)).ToArray());
        return new HtmlReport(run, claims, summary, review, agreement, links);
    }

    private static string Render(HtmlReport report, int pages = 1) => Build(report, pages).ToString();

    private static HtmlText Build(HtmlReport report, int pages = 1)
    {
        var run = report.Run;
        var html = new HtmlText();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Open("meta", ("http-equiv", "Content-Security-Policy"), ("content", ContentSecurityPolicy)).Line();
        html.Raw("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Element("title", $"CrossCheck: {run.Essay.FileName} ({run.RunId})").Line();
        html.Raw("<style>").Raw(Css).Raw("</style>\n</head>\n");
        html.Open("body", ("data-run-id", run.RunId)).Line();

        Header(html, report);
        Toolbar(html, report);
        if (report.PageOf is not null)
        {
            ReportPages.Navigation(html, report, pages);
        }
        html.Raw("<main id=\"main\">\n");
        foreach (var section in Sections)
        {
            section(html, report);
        }
        ResearchSection.Render(html, ResearchFigures.From(run), report.Summary);
        html.Raw("</main>\n");

        html.Open("footer").Text($"Written by CrossCheck {run.ProgramVersion}. Every step of this run is recorded in provenance.jsonl (hash-chained); check it with ")
            .Element("code", $"crosscheck verify-log <run folder>").Text($" (run {run.RunId})").Text(". Scores and verdicts are aids to an editor, not a substitute for reading the source.").Close("footer").Line();
        html.Raw("<script>").Raw(Script).Raw("</script>\n</body>\n</html>\n");
        return html;
    }

    /// <summary>The problems-first list and the essay beside the claim detail pane.</summary>
    private static void Workspace(HtmlText html, HtmlReport report)
    {
        html.Raw("<div class=\"workspace\">\n<div class=\"reading\">\n");
        ProblemList.Render(html, report);
        if (report.Page > 1)
        {
            html.Raw("</div>\n");
            Details(html, report);
            return;
        }
        html.Raw("<article class=\"essay-pane\" aria-labelledby=\"essay-h\">\n");
        html.Element("h2", "Essay", ("id", "essay-h"));
        html.Open("p", ("class", "hint")).Text("Each claim is marked with its final verdict, also in letters: ");
        foreach (var v in VerdictStyle.Order)
        {
            html.Element("span", VerdictStyle.Letter(v), ("class", $"vmark {VerdictStyle.Css(v)}")).Text($" {VerdictStyle.Label(v)}  ");
        }
        html.Text(". Click a claim (or press Enter on it) to see the evidence, the checks and every answer.").Close("p").Line();
        html.Open("div", ("class", report.Run.Essay.Kind == Ingest.DocumentKind.Markdown ? "essay markdown" : "essay plain"), ("id", "essay"));
        if (report.Run.Essay.Kind == Ingest.DocumentKind.Markdown)
        {
            EssayMarkdown.Render(html, report.Run.Essay.Text, report.Claims);
        }
        else
        {
            EssayMarkup.Render(html, report.Run.Essay.Text, report.Claims);
        }
        html.Close("div").Raw("\n</article>\n</div>\n");
        Details(html, report);
    }

    /// <summary>The detail pane: each claim's full detail, or on a paged report a pointer to the page that holds it.</summary>
    private static void Details(HtmlText html, HtmlReport report)
    {
        html.Raw("<aside class=\"detail-pane\" id=\"detail-pane\" aria-label=\"claim detail\">\n");
        html.Element("p", "Select a claim in the list, the essay or the table to see its detail here.", ("class", "empty"), ("id", "detail-empty"));
        foreach (var c in report.Claims)
        {
            if (report.DetailedHere(c))
            {
                ClaimDetail.Render(html, c, report);
            }
            else
            {
                ReportPages.Pointer(html, c, report.PageOf![c.Id]);
            }
        }
        html.Raw("</aside>\n</div>\n");
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CrossCheck.Reports.Html." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
