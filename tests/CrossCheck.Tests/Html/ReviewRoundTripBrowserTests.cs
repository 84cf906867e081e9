using System.Text.Json;
using CrossCheck.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CrossCheck.Tests.Html;

/// <summary>
/// The human review loop end to end: an editor marks findings in report.html, exports the decisions, runs
/// <c>crosscheck review</c>; the re-rendered report shows the human column and Cohen's κ, and the log verifies.
/// </summary>
public sealed class ReviewRoundTripBrowserTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [BrowserFact]
    public async Task Review_MarkedInThePage_ExportedRecordedAndRerendered_WithHumanColumnKappaAndAnIntactLog()
    {
        var run = await ReportRuns.SampleAsync(_temp);
        var browser = await Browser.SharedAsync();
        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Browser.FileUrl(ReportRuns.ReportPath(run)));

        await page.Locator("#reviewer").FillAsync("Ada Editor");
        var contradicted = await Mark(page, "38% of the professional", "false_alarm", null);
        var trillion = await Mark(page, "40 trillion tokens", "agree", "checked against p. 2");
        var noted = await Mark(page, "impressive and responsible", null, "ask the author");
        await Assertions.Expect(page.Locator("#review-count")).ToHaveTextAsync("3 marked");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-decisions").ClickAsync());
        var decisions = _temp.File("decisions.json");
        await download.SaveAsAsync(decisions);
        using (var doc = JsonDocument.Parse(await File.ReadAllTextAsync(decisions)))
        {
            Assert.Equal("crosscheck-decisions", doc.RootElement.GetProperty("format").GetString());
            Assert.Equal(run.RunId, doc.RootElement.GetProperty("run_id").GetString());
            Assert.Equal("Ada Editor", doc.RootElement.GetProperty("reviewer").GetString());
            Assert.Equal(3, doc.RootElement.GetProperty("decisions").GetArrayLength());
        }

        var review = CliRunner.Run(_temp.Path, "review", run.Folder, decisions);
        output.WriteLine(review.StdOut + review.StdErr);
        Assert.True(review.ExitCode == 0, review.StdErr);
        Assert.Contains("3 decision(s) by Ada Editor", review.StdOut, StringComparison.Ordinal);
        var verify = CliRunner.Run(_temp.Path, "verify-log", run.Folder);
        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);

        var log = File.ReadAllLines(Path.Combine(run.Folder, "provenance.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var human = log.Where(r => r.GetProperty("type").GetString() == "human").ToArray();
        Assert.Equal(3, human.Length);
        Assert.All(human, r => Assert.Equal("Ada Editor", r.GetProperty("data").GetProperty("reviewer").GetString()));
        Assert.Equal("review_end", log[^1].GetProperty("type").GetString());

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("table.heatmap th.human")).ToHaveTextAsync("human");
        await Assertions.Expect(page.Locator($"table.heatmap tr[data-claim={contradicted}] td.human")).ToHaveAttributeAsync("data-human", "false_alarm");
        await Assertions.Expect(page.Locator($"table.heatmap tr[data-claim={trillion}] td.human")).ToHaveAttributeAsync("data-human", "agree");
        await Assertions.Expect(page.Locator($"table.heatmap tr[data-claim={noted}] td.human")).ToHaveAttributeAsync("data-human", "note");
        await Assertions.Expect(page.Locator("[data-figure=reviewed]")).ToHaveTextAsync($"3 of {run.Outcomes.Count} claims reviewed, {run.Outcomes.Count - 3} unreviewed");
        // Human × final on the two claims with a verdict each side: (supported vs contradicted), (not_in_source vs not_in_source):
        // observed 0.5, chance 0.25, κ = 0.25 / 0.75.
        await Assertions.Expect(page.Locator("[data-figure=kappa-human-final]")).ToContainTextAsync("= 0.333 (n = 2 claims, observed agreement 0.50)");
        await Assertions.Expect(page.Locator($"#detail-{trillion} .recorded")).ToContainTextAsync("checked against p. 2", new() { UseInnerText = false });

        var methodology = await File.ReadAllTextAsync(Path.Combine(run.Folder, "methodology.md"));
        Assert.Contains("## Human review", methodology, StringComparison.Ordinal);
        Assert.Contains($"3 of {run.Outcomes.Count} claims reviewed, {run.Outcomes.Count - 3} unreviewed", methodology, StringComparison.Ordinal);
        Assert.Contains("Cohen's kappa, human × final verdict: 0.333 (n = 2 claims", methodology, StringComparison.Ordinal);
        Assert.Contains("**Human review:** agree (verdict not_in_source) by Ada Editor", await File.ReadAllTextAsync(Path.Combine(run.Folder, "report.md")), StringComparison.Ordinal);

        // A replay of the reviewed run renders the same decisions from the log, and its copy of the log verifies.
        var replayed = _temp.File("replayed");
        var replay = CliRunner.Run(_temp.Path, "replay", run.Folder, "--out", replayed);
        Assert.True(replay.ExitCode == 0, replay.StdOut + replay.StdErr);
        Assert.Contains("data-human=\"false_alarm\"", await File.ReadAllTextAsync(Path.Combine(replayed, "report.html")), StringComparison.Ordinal);
        Assert.Contains($"3 of {run.Outcomes.Count} claims reviewed", await File.ReadAllTextAsync(Path.Combine(replayed, "methodology.md")), StringComparison.Ordinal);
        var verifyReplay = CliRunner.Run(_temp.Path, "verify-log", replayed);
        Assert.True(verifyReplay.ExitCode == 0, verifyReplay.StdOut + verifyReplay.StdErr);
    }

    /// <summary>Opens the claim holding <paramref name="text"/> from the list and marks it; returns its id.</summary>
    private static async Task<string> Mark(IPage page, string text, string? decision, string? note)
    {
        var item = page.Locator("#claim-list li", new() { HasTextString = text });
        var id = (await item.GetAttributeAsync("data-claim"))!;
        await item.Locator("button").ClickAsync();
        var form = page.Locator($"fieldset[data-review={id}]");
        if (decision is not null)
        {
            await form.Locator($"input[value={decision}]").CheckAsync();
        }
        if (note is not null)
        {
            await form.Locator("textarea").FillAsync(note);
        }
        return id;
    }
}
