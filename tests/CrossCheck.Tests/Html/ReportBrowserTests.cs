using CrossCheck.Checks;
using CrossCheck.Tests.EndToEnd;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CrossCheck.Tests.Html;

/// <summary>report.html opened from disk (file://) in headless chromium, as an editor would open it.</summary>
public sealed class ReportBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Sample_InTheBrowser_ShowsTheMatrixCountsAndAQuotedClaimsPage()
    {
        var run = await ReportRuns.SharedSampleAsync();
        var rows = SampleRunTests.ReadCsv(Path.Combine(run.Folder, "matrix.csv"));
        var browser = await Browser.SharedAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var failedRequests = new List<string>();
        page.RequestFailed += (_, r) => failedRequests.Add(r.Url);
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { consoleErrors.Add(m.Text); } };

        await page.GotoAsync(Browser.FileUrl(ReportRuns.ReportPath(run)));

        foreach (var v in VerdictNames.All)
        {
            var shown = await page.Locator($"[data-count=\"{v.Name()}\"]").TextContentAsync();
            Assert.Equal(rows.Count(r => r["final_verdict"] == v.Name()), int.Parse(shown!, System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-count=\"total\"]").TextContentAsync());

        var claim = page.Locator("#essay .claim", new() { HasTextString = "measurements on our own test sets" });
        await claim.ClickAsync();
        var id = await claim.GetAttributeAsync("data-claim");
        var detail = page.Locator($"#detail-{id}");
        await Assertions.Expect(detail).ToBeVisibleAsync();
        var quoteRow = detail.Locator("tr.quote-check").First;
        await Assertions.Expect(quoteRow).ToContainTextAsync("measurements on our own test sets, not as guarantees of behaviour in deployment.");
        await Assertions.Expect(quoteRow).ToContainTextAsync("source.pdf p. 1");
        await Assertions.Expect(detail.Locator(".evidence.best .loc")).ToContainTextAsync("p. 1");
        Assert.Equal(1, await page.Locator("section.detail:visible").CountAsync());

        // Filters: hiding "supported" hides its rows and greys its marks.
        await page.Locator("input[data-filter=verdict][value=supported]").UncheckAsync();
        var supported = rows.Count(r => r["final_verdict"] == "supported");
        Assert.Equal((rows.Count - supported).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#shown-count").TextContentAsync());
        Assert.Equal(0, await page.Locator("table.heatmap tr[data-verdict=supported]:visible").CountAsync());
        await page.Locator("input[data-filter=verdict][value=supported]").CheckAsync();

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var shot = Path.Combine(Path.GetTempPath(), "crosscheck-report-sample.png");
        File.Copy(ReportRuns.ReportPath(run), Path.ChangeExtension(shot, ".html"), overwrite: true);
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        var bytes = await File.ReadAllBytesAsync(shot);
        Assert.True(bytes.Length > 1000, "screenshot is empty");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        output.WriteLine($"screenshot: {shot} ({bytes.Length} bytes)");
        Assert.Empty(failedRequests);
        Assert.Empty(consoleErrors);
    }

    [BrowserFact]
    public async Task HostilePanel_InTheBrowser_ShowsThePayloadsAsTextAndRunsNothingOfTheirs()
    {
        var run = await ReportRuns.SharedHostilePanelAsync();
        var browser = await Browser.SharedAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, d) =>
        {
            dialogs.Add(d.Message);
            await d.DismissAsync();
        };
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);

        await page.GotoAsync(Browser.FileUrl(ReportRuns.ReportPath(run)));

        var essay = await page.Locator("#essay").InnerTextAsync();
        Assert.Contains(HostileScript.ImgPayload, essay, StringComparison.Ordinal);
        Assert.Contains(HostileScript.ScriptPayload, essay, StringComparison.Ordinal);
        Assert.Equal(4, run.Options.Panel.Count);
        Assert.Equal(0, await page.Locator("img").CountAsync());

        var claim = page.Locator("#essay .claim", new() { HasTextString = "professional challenges" });
        await claim.ClickAsync();
        var detail = page.Locator($"#detail-{await claim.GetAttributeAsync("data-claim")}");
        await Assertions.Expect(detail).ToBeVisibleAsync();
        var rationales = await detail.Locator(".answer.verify .rationale").AllInnerTextsAsync();
        Assert.Equal(4, rationales.Count);
        Assert.All(rationales, r => Assert.Contains("Hostile rationale " + HostileScript.Payloads, r, StringComparison.Ordinal));
        await Assertions.Expect(detail.Locator(".correction").First).ToContainTextAsync(HostileScript.ScriptPayload);
        await detail.Locator("details.raw > summary").ClickAsync();
        await Assertions.Expect(detail.Locator(".raw-answer pre").First).ToBeVisibleAsync();
        Assert.Contains(await detail.Locator(".raw-answer pre").AllInnerTextsAsync(), t => t.Contains(HostileScript.ImgPayload, StringComparison.Ordinal));

        // Give any injected onerror or script a moment to run, if one had slipped through.
        await page.WaitForTimeoutAsync(300);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.All(requests, u => Assert.StartsWith("file://", u, StringComparison.Ordinal));
        var agreement = await page.Locator("[data-figure=fleiss]").TextContentAsync();
        Assert.Contains("Fleiss", agreement, StringComparison.Ordinal);

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var shot = Path.Combine(Path.GetTempPath(), "crosscheck-report-panel.png");
        File.Copy(ReportRuns.ReportPath(run), Path.ChangeExtension(shot, ".html"), overwrite: true);
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        output.WriteLine($"screenshot: {shot}");
    }
}
