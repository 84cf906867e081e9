using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrossCheck.Agreement;
using CrossCheck.Checks;
using CrossCheck.Reports;
using CrossCheck.Reports.Html;
using CrossCheck.Running;
using CrossCheck.Runs;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Html;

/// <summary>report.html as text: escaping of every string from the essay, the sources and the models; the CSP; the counts.</summary>
public sealed class HtmlReportWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<RunResult> HostileGroundingRunAsync()
    {
        var options = new RunOptions
        {
            EssayPath = _temp.Write("hostile.md", ReportRuns.HostileEssay),
            SourcePaths = [_temp.Write("source.md", ReportRuns.HostileSource + $"\n# 3.2 Notes\n\nThe appendix mentions {HostileScript.Payloads} as a test string.\n")],
            OutputRoot = _temp.File("runs"),
            RunId = "unit",
        };
        return await new CheckRunner(TimeProvider.System, new Random(3)).RunAsync(options, null, CancellationToken.None);
    }

    /// <summary>A panel record carrying the payloads in every string a model (or a config) could set.</summary>
    private static PanelRecord HostilePanel()
    {
        const string P = HostileScript.Payloads;
        using var parsed = JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            proposition = "proposition " + P,
            required_evidence = "needs " + P,
            suggested_correction = "fix " + P,
            challenges = new[] { new { type = "type " + P, argument = "argument " + P } },
        }));
        var citation = new CitationRecord("quote " + P, "S1#1" + P, 1, QuoteMatch.Absent, false, 0.1, "src" + P, 2, "sec " + P, "check " + P);
        AnswerRecord Answer(string stage) => new(
            stage, "evil:" + P, 1, Verdict.Supported, "rationale " + P, "0/1", true, [citation], parsed.RootElement.Clone(),
            "raw " + P, "error " + P, "Verify@1" + P, "hash" + P, 10, 5, 12.5, 1, false, "model-version " + P);
        return new PanelRecord(
            "drafter " + P, "attacker " + P, "reconciler " + P, ["note " + P],
            Answer("Draft"), [Answer("Verify")], [Answer("Attack")], [Answer("Reconcile")],
            Verdict.Supported, "reconciler " + P, AgreementClass.Single, "0/1", "correction " + P, ["flag " + P]);
    }

    [Fact]
    public async Task Render_WhenEssaySourcesAndModelsHoldMarkup_WritesItOnlyEncoded()
    {
        var run = await HostileGroundingRunAsync();
        Assert.Contains(HostileScript.ImgPayload, run.Essay.Text, StringComparison.Ordinal);
        var records = run.Outcomes.Select(ClaimRecord.From).Select(r => r with { Panel = HostilePanel() }).ToArray();

        var html = HtmlReportWriter.Render(run, records, RunSummary.From(run));

        Assert.DoesNotContain(HostileScript.ImgPayload, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(HostileScript.ScriptPayload, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("window.__pwned", ScriptBody(html), StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Single(Regex.Matches(html, "</script", RegexOptions.IgnoreCase));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;", html, StringComparison.Ordinal);
        // Every kind of string reached the page, encoded: rationale, raw text, citation, flag, correction, challenge, evidence.
        foreach (var label in new[] { "rationale ", "raw ", "quote ", "flag ", "fix ", "argument ", "proposition ", "error " })
        {
            Assert.Contains(label + "&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        }
        Assert.Contains("The appendix mentions &lt;img", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Always_ForbidsTheNetworkAndAllowsOnlyItsOwnScriptByHash()
    {
        var run = await HostileGroundingRunAsync();
        var html = HtmlReportWriter.Render(run, run.Outcomes.Select(ClaimRecord.From).ToArray(), RunSummary.From(run));

        var csp = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">");
        Assert.True(csp.Success, "no CSP meta");
        var policy = csp.Groups[1].Value.Replace("&#39;", "'", StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("img-src data:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(ScriptBody(html))));
        Assert.Contains($"script-src '{hash}'", policy, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < html.IndexOf("<style>", StringComparison.Ordinal), "the CSP must come before any content");
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ForAGroundingOnlyRun_CountsEveryVerdictAndShowsOnlyTheGroundingColumn()
    {
        var run = await HostileGroundingRunAsync();
        var summary = RunSummary.From(run);
        var html = HtmlReportWriter.Render(run, run.Outcomes.Select(ClaimRecord.From).ToArray(), summary);

        foreach (var v in VerdictNames.All)
        {
            Assert.Contains($"data-count=\"{v.Name()}\">{summary.ByVerdict[v.Name()]}<", html, StringComparison.Ordinal);
        }
        Assert.Contains($"data-count=\"total\">{summary.Claims}<", html, StringComparison.Ordinal);
        Assert.Contains("No language model took part", html, StringComparison.Ordinal);
        Assert.Equal(run.Outcomes.Count, Regex.Matches(html, "<section class=\"detail\"").Count);
        Assert.Equal(run.Outcomes.Count, Regex.Matches(html, "<tr data-claim=").Count);
        Assert.Equal(run.Outcomes.Count * 2, Regex.Matches(html, "<td class=\"cell v-").Count);
        Assert.DoesNotContain("Raw answers", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WhenAClaimOccursTwice_MarksBothOccurrences()
    {
        var essay = "The model solved 31% of the professional challenges.\n\nThe model solved 31% of the professional challenges.\n";
        var options = new RunOptions
        {
            EssayPath = _temp.Write("twice.md", essay),
            SourcePaths = [_temp.Write("source.md", ReportRuns.HostileSource)],
            OutputRoot = _temp.File("runs"),
        };
        var run = await new CheckRunner(TimeProvider.System, new Random(3)).RunAsync(options, null, CancellationToken.None);
        var claim = Assert.Single(run.Outcomes);

        var html = HtmlReportWriter.Render(run, run.Outcomes.Select(ClaimRecord.From).ToArray(), RunSummary.From(run));

        Assert.Equal(2, claim.Claim.Occurrences.Count);
        Assert.Equal(2, Regex.Matches(html, $"<span class=\"claim [^\"]+\" data-claim=\"{claim.Claim.Id}\"").Count);
    }

    [Fact]
    public async Task HostilePanelRun_Report_HoldsThePayloadsOnlyEncoded()
    {
        var run = await ReportRuns.SharedHostilePanelAsync();
        var html = await File.ReadAllTextAsync(ReportRuns.ReportPath(run));

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Contains("Hostile rationale &lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"fleiss\"", html, StringComparison.Ordinal);
        foreach (var p in run.Options.Panel)
        {
            Assert.Contains($"<th class=\"col\" title=\"{p.Id} ({p.Family})\">{p.Id}</th>", html, StringComparison.Ordinal);
        }
    }

    private static string ScriptBody(string html)
    {
        var start = html.IndexOf("<script>", StringComparison.Ordinal) + "<script>".Length;
        return html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
    }
}
