using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CrossCheck.Tests.Html;

/// <summary>report.html as an editor uses it, in headless chromium at desktop (1400 px) and phone (390 px) widths.</summary>
public sealed class EditorDeskBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Wide_ListsProblemsFirst_CountsFilter_SearchAndSortWork()
    {
        var run = await ReportRuns.SharedSampleAsync();
        var browser = await Browser.SharedAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        await page.GotoAsync(Browser.FileUrl(ReportRuns.ReportPath(run)));

        // Problems first: severities never decrease down the list, and the first item is a problem.
        var severities = (await page.Locator("#claim-list li").EvaluateAllAsync<int[]>("els => els.map(e => Number(e.dataset.sev))")).ToList();
        Assert.Equal(run.Outcomes.Count, severities.Count);
        Assert.Equal(severities.Order().ToList(), severities);
        Assert.Contains(await page.Locator("#claim-list li").First.GetAttributeAsync("data-verdict"), new[] { "contradicted", "not_in_source", "partially_supported", "failed" });

        // A count is a filter: only its claims stay, in the list and the table; a second click shows all again.
        var contradicted = int.Parse((await page.Locator("[data-count=contradicted]").TextContentAsync())!, CultureInfo.InvariantCulture);
        Assert.True(contradicted > 0);
        await page.Locator("button[data-count-filter=contradicted]").ClickAsync();
        Assert.Equal(contradicted, await page.Locator("#claim-list li:visible").CountAsync());
        Assert.Equal(contradicted, await page.Locator("table.heatmap tbody tr:visible").CountAsync());
        Assert.All(await page.Locator("#claim-list li:visible").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.verdict)"), v => Assert.Equal("contradicted", v));
        Assert.Equal("true", await page.Locator("button[data-count-filter=contradicted]").GetAttributeAsync("aria-pressed"));
        await page.Locator("button[data-count-filter=contradicted]").ClickAsync();
        Assert.Equal(run.Outcomes.Count, await page.Locator("#claim-list li:visible").CountAsync());

        // Search narrows every view to the claims holding the words.
        await page.Locator("#search").FillAsync("trillion tokens");
        Assert.Equal(1, await page.Locator("#claim-list li:visible").CountAsync());
        Assert.Equal("1", await page.Locator("#shown-count").TextContentAsync());
        await page.Locator("#search").FillAsync("");

        // Sort by essay order, then by disagreement.
        await page.Locator("#sort").SelectOptionAsync("pos");
        var positions = await page.Locator("#claim-list li").EvaluateAllAsync<int[]>("els => els.map(e => Number(e.dataset.pos))");
        Assert.Equal(Enumerable.Range(0, run.Outcomes.Count), positions);
        await page.Locator("#sort").SelectOptionAsync("dis");
        var disagreement = await page.Locator("table.heatmap tbody tr").EvaluateAllAsync<int[]>("els => els.map(e => Number(e.dataset.dis))");
        Assert.Equal(disagreement.OrderDescending(), disagreement);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Wide_ClaimDetail_HighlightsWordsMarksTheConflictDiffsTheMisquoteAndLinksThePage()
    {
        var run = await ReportRuns.SharedSampleAsync();
        var browser = await Browser.SharedAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Browser.FileUrl(ReportRuns.ReportPath(run)));

        // The essay is rendered from Markdown: a heading, paragraphs, no Markdown syntax left, claims marked inside.
        await Assertions.Expect(page.Locator("#essay h3").First).ToHaveTextAsync("What the Halcyon-3 system card tells us");
        Assert.DoesNotContain("# What", await page.Locator("#essay").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#essay p .claim").CountAsync() >= 10);
        Assert.True(await page.Locator("#essay sup.vmark").CountAsync() >= run.Outcomes.Count, "every claim occurrence ends with its verdict in letters");

        // The number conflict (38% in the essay, 31% in the source) is marked in the evidence, with the claim's number beside it.
        var conflict = page.Locator("#claim-list li", new() { HasTextString = "38% of the professional" }).Locator("button");
        await conflict.ClickAsync();
        var id = await page.Locator("#claim-list li", new() { HasTextString = "38% of the professional" }).GetAttributeAsync("data-claim");
        var detail = page.Locator($"#detail-{id}");
        await Assertions.Expect(detail).ToBeVisibleAsync();
        Assert.Equal($"detail-{id}", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await Assertions.Expect(detail.Locator("mark.conflict").First).ToHaveTextAsync("31");
        await Assertions.Expect(detail.Locator(".conflict-tag").First).ToContainTextAsync("≠ 38%");
        Assert.True(await detail.Locator("mark.hl").CountAsync() >= 3, "the claim's words are highlighted in the evidence");
        Assert.Equal(1, await detail.Locator(".evidence.best").CountAsync());

        // The page link opens the copy of the source beside the report, at the page.
        var href = await detail.Locator("a.page-link").First.GetAttributeAsync("href");
        Assert.Matches(@"^sources/source\.pdf#page=\d+$", href);
        Assert.True(File.Exists(Path.Combine(run.Folder, "sources", "source.pdf")));
        await detail.Locator("details.page-text > summary").First.ClickAsync();
        await Assertions.Expect(detail.Locator("details.page-text mark.passage").First).ToBeVisibleAsync();

        // The misquote gets a word diff.
        var misquote = page.Locator("#claim-list li", new() { HasTextString = "never asserts" });
        await misquote.Locator("button").ClickAsync();
        var misquoteDetail = page.Locator($"#detail-{await misquote.GetAttributeAsync("data-claim")}");
        await Assertions.Expect(misquoteDetail.Locator(".diff del").First).ToBeVisibleAsync();
        await Assertions.Expect(misquoteDetail.Locator(".diff ins").First).ToBeVisibleAsync();
        Assert.Contains(await misquoteDetail.Locator(".diff del").AllInnerTextsAsync(), t => t.Contains("never", StringComparison.Ordinal));
        var shot = Path.Combine(Path.GetTempPath(), "crosscheck-desk-wide.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        output.WriteLine($"screenshot: {shot}");
    }

    [BrowserFact]
    public async Task Narrow_TappedClaimOpensItsDetailInView_WithFocus_AndVerdictColumnsFirst()
    {
        var run = await ReportRuns.SharedSampleAsync();
        var browser = await Browser.SharedAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Browser.FileUrl(ReportRuns.ReportPath(run)));

        var claim = page.Locator("#essay .claim", new() { HasTextString = "impressive and responsible" });
        await claim.ScrollIntoViewIfNeededAsync();
        await claim.TapAsync();
        var id = await claim.GetAttributeAsync("data-claim");
        var detail = page.Locator($"#detail-{id}");
        await Assertions.Expect(detail).ToBeVisibleAsync();
        var box = await detail.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.Y, -1, 844 - 40);
        Assert.Equal($"detail-{id}", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // The final verdict column comes right after the claim id, inside the phone's width.
        var headers = await page.Locator("table.heatmap thead th").AllInnerTextsAsync();
        Assert.Equal("final", headers[1].Trim());
        var finalCell = page.Locator("table.heatmap tbody tr").First.Locator("td.final");
        await finalCell.ScrollIntoViewIfNeededAsync();
        var cell = await finalCell.BoundingBoxAsync();
        Assert.NotNull(cell);
        Assert.InRange(cell.X + cell.Width, 0, 390);
        var shot = Path.Combine(Path.GetTempPath(), "crosscheck-desk-390.png");
        await page.ScreenshotAsync(new() { Path = shot });
        output.WriteLine($"screenshot: {shot}");
    }

    [AxeFact]
    public async Task Axe_FindsNoSeriousOrCriticalViolation_AtBothWidths_WithADetailOpen()
    {
        var run = await ReportRuns.SharedHostilePanelAsync();
        var axe = await File.ReadAllTextAsync(Axe.ScriptPath ?? throw new InvalidOperationException(
            $"{Browser.RequireVariable}=1 but axe-core is missing (looked for {string.Join(", ", Axe.Candidates)}); .ci/run installs it."));
        var browser = await Browser.SharedAsync();
        foreach (var width in new[] { 1400, 390 })
        {
            // axe is injected by the test: the page's own CSP rightly refuses any script but its own.
            await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, BypassCSP = true });
            var page = await context.NewPageAsync();
            await page.GotoAsync(Browser.FileUrl(ReportRuns.ReportPath(run)));
            await page.Locator("#claim-list li button").First.ClickAsync();
            await page.AddScriptTagAsync(new() { Content = axe });
            var json = await page.EvaluateAsync<JsonElement>(
                "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') }))");
            var violations = json.EnumerateArray().Select(v => (Id: v.GetProperty("id").GetString(), Impact: v.GetProperty("impact").GetString(), Nodes: v.GetProperty("nodes").GetInt32(), Target: v.GetProperty("target").GetString())).ToArray();
            foreach (var v in violations)
            {
                output.WriteLine($"{width}px: {v.Impact} {v.Id} ({v.Nodes} nodes) {v.Target}");
            }
            Assert.DoesNotContain(violations, v => v.Impact is "serious" or "critical");
            output.WriteLine($"{width}px: {violations.Length} violation(s) of any impact");
        }

        // Control: the same harness (axe injected into the report's page, the same run options, the same impact filter) does
        // flag a serious violation when the page has one; axe checks only the planted paragraph, the page was checked above.
        await using var control = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, BypassCSP = true });
        var bad = await control.NewPageAsync();
        await bad.GotoAsync(Browser.FileUrl(ReportRuns.ReportPath(run)));
        await bad.EvaluateAsync("() => { const p = document.createElement('p'); p.id = 'planted-faint-text'; p.textContent = 'faint text'; p.style.color = '#e8e8e8'; p.style.background = '#ffffff'; document.querySelector('main').appendChild(p); }");
        await bad.AddScriptTagAsync(new() { Content = axe });
        var flagged = await bad.EvaluateAsync<string[]>("async () => (await axe.run({ include: [['#planted-faint-text']] }, { resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)");
        Assert.Contains("color-contrast", flagged);
    }
}
