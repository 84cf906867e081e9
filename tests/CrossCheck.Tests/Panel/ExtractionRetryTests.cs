using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Panel;

/// <summary>
/// Issue 9: a claim extraction that fails (garbage the repair cannot fix, or a provider error) is retried on the next
/// panelist, and the failure is reported in the log (<c>extraction_failed</c>), in methodology.md and on the console.
/// Emulated providers; the scripted answers, the garbage included, are test fixtures.
/// </summary>
public sealed class ExtractionRetryTests : IDisposable
{
    private const string Seed = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";
    private const string Garbage = "Here are the claims you asked for: the first one, and then some others (emulated garbage).";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("garbage", "invalid answer")]
    [InlineData("500", "call failed")]
    public async Task Check_WhenTheFirstExtractorFails_RetriesOnTheNextPanelistAndReportsIt(string failure, string kind)
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(r =>
        {
            var stage = PanelScript.StageOf(r);
            var extracting = stage == "Extract" || (stage == "Repair" && r.MessageText.Contains(Garbage, StringComparison.Ordinal));
            return r.Provider == "anthropic" && extracting
                ? failure == "garbage" ? ScriptedReply.Answer(Garbage) : ScriptedReply.Fault(500)
                : script.Answer(r);
        });
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0092"));
        env["CrossCheck__Resilience__Default__MaxRetryAttempts"] = "0";
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var run = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--run-id", "x", "--panel", Seed, "--quiet");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var extracts = emulator.Requests.Select(r => r.Parsed).OfType<EmulatedRequest>().Where(r => PanelScript.StageOf(r) == "Extract").ToArray();
        Assert.Equal(["anthropic", "openai"], extracts.Select(r => r.Provider).ToArray());

        var log = File.ReadAllLines(Path.Combine(_temp.Path, "runs", "x", "provenance.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var failed = Assert.Single(log, r => r.GetProperty("type").GetString() == "extraction_failed").GetProperty("data");
        Assert.Equal("anthropic:claude-opus-4-6", failed.GetProperty("panelist").GetString());
        Assert.Equal("openai:gpt-5.2-pro", failed.GetProperty("retried_on").GetString());
        Assert.Equal(kind, failed.GetProperty("kind").GetString());
        // The retry's answer was used: the scripted extraction's claims were weighed (its invented one rejected) as openai's.
        Assert.Contains(log, r => r.GetProperty("type").GetString() == "claim_rejected" && r.GetProperty("data").GetProperty("panelist").GetString() == "openai:gpt-5.2-pro");

        var sentence = $"claim extraction by anthropic:claude-opus-4-6 failed on excerpt 1 of 1 ({kind}); retried on openai:gpt-5.2-pro";
        var methodology = File.ReadAllText(Path.Combine(_temp.Path, "runs", "x", "methodology.md"));
        Assert.Contains("Claim extraction did not go cleanly", methodology, StringComparison.Ordinal);
        Assert.Contains(sentence, methodology, StringComparison.Ordinal);
        Assert.Contains("warning: " + sentence, run.StdErr, StringComparison.Ordinal);

        // The replayed note tells the same story from the log alone.
        var replay = CliRunner.Run(_temp.Path, new Dictionary<string, string>(), "replay", "runs/x", "--out", "replayed");
        Assert.True(replay.ExitCode == 0, replay.StdErr);
        Assert.Equal(methodology, File.ReadAllText(Path.Combine(_temp.Path, "replayed", "methodology.md")));
    }
}
