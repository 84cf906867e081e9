using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Html;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;
using Microsoft.Playwright;

namespace CrossCheck.Tests.Server;

/// <summary>The page <c>serve</c> serves, driven in Debian's chromium: enter a token, upload, watch the run progress, open its report.</summary>
[Collection("serve")]
public sealed class ServeBrowserTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [BrowserFact]
    public async Task Page_UploadsAnEssay_ShowsItsProgressAndOpensItsReport()
    {
        // The answers are held until the page has shown the run in progress, so it is seen running however fast (or
        // slowly) the machine is; then they are let through at once.
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        var answering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var emulator = new ProviderEmulator(async r =>
        {
            await answering.Task;
            return script.Answer(r);
        });
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment(), o => o.Workers = 2);
        // The test run's one browser, a context of this test's own (Browser.SharedAsync).
        var browser = await Browser.SharedAsync();
        await using var context = await browser.NewContextAsync();
        await using var strangers = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(server.BaseAddress.AbsoluteUri);
            await page.FillAsync("#token", ServerHarness.AliceToken);
            await page.DispatchEventAsync("#token", "change");
            await page.SetInputFilesAsync("#essay", essay);
            await page.SetInputFilesAsync("#sources", source);
            await page.FillAsync("#panel", "anthropic:claude-opus-4-6,openai:gpt-5.2-pro");
            await page.ClickAsync("#send");

            var running = page.Locator("tr[data-status=running]");
            await running.WaitForAsync(new() { Timeout = 120_000 });
            Assert.Equal(1, await running.Locator("progress").CountAsync());
            answering.SetResult();
            var done = page.Locator("tr[data-status=succeeded]");
            await done.WaitForAsync(new() { Timeout = 180_000 });
            var verdicts = await done.Locator("td").Nth(3).TextContentAsync();
            Assert.Contains("contradicted", verdicts, StringComparison.Ordinal);

            var popup = await page.RunAndWaitForPopupAsync(() => done.Locator("a.report").ClickAsync());
            await popup.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            var response = await popup.EvaluateAsync<string>("document.body.innerText");
            Assert.Contains("Meridian Labs", response, StringComparison.Ordinal);
            Assert.EndsWith("/artifacts/report.html", popup.Url, StringComparison.Ordinal);

            // Without the token, the same page is refused: the message says so.
            var stranger = await strangers.NewPageAsync();
            await stranger.GotoAsync(server.BaseAddress.AbsoluteUri);
            await stranger.Locator("#message.error").WaitForAsync(new() { Timeout = 60_000 });
            Assert.Contains("authentication required", await stranger.Locator("#message").TextContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            answering.TrySetResult();
        }
    }
}
