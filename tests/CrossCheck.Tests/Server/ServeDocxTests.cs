using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Ingest;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Server;

/// <summary>Word essays and sources are taken by the server as `check` takes them: the same run, the same matrix.</summary>
[Collection("serve")]
public sealed class ServeDocxTests : IDisposable
{
    private const string Panel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Submit_DocxEssayAndSource_RunsAndMatchesCheckOnTheSameFiles()
    {
        var essayDocx = new DocxBuilder();
        foreach (var line in SampleEssay.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0))
        {
            _ = line.StartsWith("# ", StringComparison.Ordinal) ? essayDocx.Heading(1, line[2..]) : essayDocx.Paragraph(line);
        }
        var sourceDocx = new DocxBuilder();
        foreach (var (page, index) in SampleSource.Pages.Select((p, i) => (p, i)))
        {
            _ = index > 0 ? sourceDocx.PageBreak() : sourceDocx;
            foreach (var block in page.Select(b => b.Replace("-|", "-", StringComparison.Ordinal)))
            {
                _ = block.StartsWith("# ", StringComparison.Ordinal) ? sourceDocx.Heading(1, block[2..]) : sourceDocx.Paragraph(block);
            }
        }
        var essay = _temp.Write("essay.docx", essayDocx.Build());
        var source = _temp.Write("source.docx", sourceDocx.Build());
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment());
        using var alice = server.Client(ServerHarness.AliceToken);

        var id = await ServeApi.SubmitAsync(alice, essay, source, new Dictionary<string, string> { ["panel"] = Panel, ["extract"] = "false" });
        var run = await ServeApi.WaitForAsync(alice, id, ServeApi.Finished);

        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        Assert.True(run.GetProperty("verdicts").GetProperty("contradicted").GetInt32() >= 1, run.ToString());
        var check = CliRunner.Run(_temp.Path, PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0014")), "check", essay, "--source", source, "--out", "cli", "--run-id", "c", "--panel", Panel, "--no-extract", "--quiet", "--no-cache");
        Assert.True(check.ExitCode == 0, check.StdErr);
        Assert.Equal(File.ReadAllText(Path.Combine(_temp.Path, "cli", "c", "matrix.csv")), await alice.GetStringAsync($"api/runs/{id}/artifacts/matrix.csv"));
    }
}
