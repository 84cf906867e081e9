using CrossCheck.Reports;
using CrossCheck.Reports.Html;
using CrossCheck.Running;
using CrossCheck.Runs;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Html;

/// <summary>The essay in report.html is rendered from its Markdown, claims marked in place, and Markdown structure is never cut into claims.</summary>
public sealed class EssayMarkdownTests : IDisposable
{
    private const string Essay = """
        # Findings

        The model solved *31%* of the [professional challenges](https://example.org/card "card"). A [bad link](javascript:alert) stays text.

        | benchmark | score |
        |---|---|
        | capture-the-flag | 31% |

        The suite was run by a 16-person team.[^1] Raw <b>markup</b> shows as text.

        [^1]: Section 3.1 of the card.
        """;

    private const string Source = "# 3.1 Cyber\n\nThe model solved 31% of the professional challenges in the capture-the-flag suite, run by a 16-person team.\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(RunResult Run, string Html)> RunAsync(SourceLinkMode links = SourceLinkMode.Copy)
    {
        var options = new RunOptions
        {
            EssayPath = _temp.Write("essay.md", Essay), SourcePaths = [_temp.Write("card.md", Source)], OutputRoot = _temp.File("runs"),
            RunId = "md-" + links.ToString().ToLowerInvariant(), SourceLinks = links,
        };
        var run = await new CheckRunner(TimeProvider.System, new Random(7)).RunAsync(options, null, CancellationToken.None);
        return (run, await File.ReadAllTextAsync(Path.Combine(run.Folder, "report.html")));
    }

    [Fact]
    public async Task Report_RendersTheEssaysMarkdown_WithClaimsMarkedInside()
    {
        var (run, html) = await RunAsync();
        Assert.Contains("<h3 class=\"md-h1\">Findings</h3>", html, StringComparison.Ordinal);
        Assert.Matches("<em><span class=\"claim [^\"]+\" data-claim=\"C1\"[^>]*>31%</span></em>", html);
        Assert.Contains("href=\"https://example.org/card\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<table class=\"md-table\">", html, StringComparison.Ordinal);
        Assert.Contains("class=\"md-footnotes\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        // The table rows and the footnote definition are structure: never checked, never a finding.
        var structure = run.Outcomes.Where(o => o.Claim.Text.Contains('|', StringComparison.Ordinal) || o.Claim.Text.StartsWith("[^1]", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(structure);
        Assert.All(structure, o => Assert.Equal(CrossCheck.Checks.Verdict.NotCheckable, o.FinalVerdict));
        Assert.Contains(run.Outcomes, o => o.Claim.Text.Contains("16-person team", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SourceLinkMode.Copy, true)]
    [InlineData(SourceLinkMode.Link, true)]
    [InlineData(SourceLinkMode.None, false)]
    public async Task Report_PlacesTheSourcesAsConfigured_AndLinksThemOnlyWhenPlaced(SourceLinkMode mode, bool linked)
    {
        var (run, html) = await RunAsync(mode);
        var placed = Path.Combine(run.Folder, "sources", "card.md");
        Assert.Equal(linked, File.Exists(placed));
        Assert.Equal(mode == SourceLinkMode.Link, linked && new FileInfo(placed).LinkTarget is not null);
        Assert.Equal(linked, html.Contains("class=\"page-link\" href=\"sources/card.md\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://example.org/a?b=1", "https://example.org/a?b=1")]
    [InlineData("#essay-fn-1", "#essay-fn-1")]
    [InlineData("mailto:ed@example.org", "mailto:ed@example.org")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData(" JAVASCRIPT:alert(1)", null)]
    [InlineData("data:text/html,x", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("../secret.pdf", null)]
    public void SafeHref_KeepsOnlyWebMailAndAnchorTargets(string url, string? expected) =>
        Assert.Equal(expected, EssayMarkdown.SafeHref(url));
}
