using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Panel;

/// <summary>
/// Over the wire, through the real program: reconcilers that decline to judge (not_checkable, scripted fixtures) cannot
/// turn the sample's contradicted claim into something that passes --fail-on contradicted.
/// </summary>
public sealed class RefusingReconcilerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Check_WithRefusingReconcilers_StillFailsOnTheContradictedClaim()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict, RefusingReconcilers = true };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var result = CliRunner.Run(_temp.Path, PanelScript.Env(emulator, FakeKeys.Sk("emulated-refusal-key-0001")),
            "check", essay, "--source", source, "--out", "runs", "--run-id", "r", "--panel", "openai:gpt-4.1,google:gemini-3-pro,xai:grok-4.1",
            "--fail-on", "contradicted", "--allow-degraded", "--quiet", "--no-extract");

        Assert.True(script.Seen.Count(s => s.Stage == "Reconcile") > 0);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.StdErr}");
        var rows = EndToEnd.SampleRunTests.ReadCsv(Path.Combine(_temp.Path, "runs", "r", "matrix.csv"));
        var contradicted = rows.Where(r => PanelScript.SampleVerdict(r["text"]) == "contradicted").ToArray();
        Assert.NotEmpty(contradicted);
        Assert.All(contradicted, r => Assert.Equal("contradicted", r["final_verdict"]));
        Assert.DoesNotContain(rows, r => r["checkable"] == "true" && r["final_verdict"] == "not_checkable");
    }
}
