using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Safety;

/// <summary>
/// Issue 10, cause 14: a log with one panelist's calls removed (the chain rewritten so it still holds) must not replay
/// as a run in which that panelist failed. Providers are emulated on 127.0.0.1 with scripted answers.
/// </summary>
public sealed class ReplayGapTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Replay_OfALogWithOnePanelistsCallsRemoved_RefusesInsteadOfShowingThemFailed()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-gap-key-0001"));
        var run = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--run-id", "g", "--panel", "openai:gpt-4.1,xai:grok-4.1", "--quiet", "--no-cache", "--no-extract");
        Assert.True(run.ExitCode == 0, run.StdErr);
        var folder = Path.Combine(_temp.Path, "runs", "g");
        var intact = CliRunner.Run(_temp.Path, "replay", folder, "--out", Path.Combine(_temp.Path, "intact"));
        Assert.True(intact.ExitCode == 0, intact.StdErr);
        var requests = emulator.Requests.Count;

        var log = Path.Combine(folder, "provenance.jsonl");
        var lines = File.ReadAllLines(log);
        var kept = lines.Where(l => !(l.Contains("\"type\":\"model_call\"", StringComparison.Ordinal) && l.Contains("\"panelist\":\"xai:grok-4.1\"", StringComparison.Ordinal))).ToArray();
        Assert.True(kept.Length < lines.Length, "the run made no xai call to remove");
        File.WriteAllLines(log, LogFixtures.Rechain(kept));

        var replay = CliRunner.Run(_temp.Path, "replay", folder, "--out", Path.Combine(_temp.Path, "forged"));

        // The rewritten chain holds, but its head is not the one run.json published: the replay refuses before any call.
        Assert.NotEqual(0, replay.ExitCode);
        Assert.Contains("cannot be replayed", replay.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "forged")), "no replayed reports may be published");
        Assert.Equal(requests, emulator.Requests.Count);
    }

    [Fact]
    public async Task ReplayClient_ACallTheLogHasNoRecordOf_StopsTheReplay_WhileARecordedFailureFailsAgain()
    {
        // Behind the head and signature checks: a log whose head was republished too (an unsigned run, say) still
        // cannot replay a removed call as "failed".
        var panelist = new CrossCheck.Models.PanelistSpec("xai", "grok-4.1", "xai");
        var answered = new CrossCheck.Models.ModelRequest("Verify", "system", "answered");
        var failed = new CrossCheck.Models.ModelRequest("Verify", "system", "failed");
        var removed = new CrossCheck.Models.ModelRequest("Verify", "system", "removed");
        string Hash(CrossCheck.Models.ModelRequest r) => CrossCheck.Models.ModelRequestHash.Compute(panelist, r);
        var log = _temp.File("provenance.jsonl");
        File.WriteAllLines(log,
        [
            "{\"v\":1,\"seq\":0,\"type\":\"model_call\",\"data\":{\"request_hash\":\"" + Hash(answered) + "\",\"response\":\"{}\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}",
            "{\"v\":1,\"seq\":1,\"type\":\"model_call\",\"data\":{\"request_hash\":\"" + Hash(failed) + "\",\"error\":\"HTTP 500\"}}",
        ]);
        var client = new CrossCheck.Panel.RecordedModelClient(panelist, CrossCheck.Provenance.RecordedAnswers.Load(log), inner: null);

        Assert.Equal("{}", (await client.CompleteAsync(answered, CancellationToken.None)).Text);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.CompleteAsync(failed, CancellationToken.None));
        var gap = await Assert.ThrowsAsync<CrossCheck.Provenance.ReplayGapException>(() => client.CompleteAsync(removed, CancellationToken.None));
        Assert.Contains("no record of the Verify call to xai:grok-4.1", gap.Message, StringComparison.Ordinal);
    }
}
