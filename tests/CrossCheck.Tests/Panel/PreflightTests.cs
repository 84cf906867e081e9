using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Panel;

/// <summary>
/// The preflight: before any paid call, each panelist's model answers a one-token request; a mistyped model (404) or a
/// rejected key (401/403) stops the run with exit 2 and no run folder. Providers are emulated on 127.0.0.1 with scripted answers.
/// </summary>
public sealed class PreflightTests : IDisposable
{
    private const string Panel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, string> Env(ProviderEmulator emulator)
    {
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0042"));
        env["CrossCheck__Preflight"] = "true";
        return env;
    }

    private static bool IsPreflight(EmulatedRequest r) =>
        r.Messages.FirstOrDefault(m => m.Role == "system")?.Content.StartsWith("Connectivity check", StringComparison.Ordinal) == true;

    private static Func<EmulatedRequest, ScriptedReply> Refusing(PanelScript script, Func<EmulatedRequest, int?> status) => r =>
        status(r) is { } code ? ScriptedReply.Fault(code, "{\"error\":{\"message\":\"emulated " + code + "\",\"type\":\"invalid_request_error\"}}") : script.Answer(r);

    [Theory]
    [InlineData("openai:gpt-5.2-pr0", "gpt-5.2-pr0", 404, "does not know model 'gpt-5.2-pr0'")]
    [InlineData("anthropic:claude-opus-4-7", "claude-opus-4-7", 404, "does not know model 'claude-opus-4-7'")]
    [InlineData("xai:grok-4.1", "grok-4.1", 401, "rejected the key")]
    public async Task AModelOrKeyTheProviderRefuses_StopsTheRunBeforeAnyPaidCall_WithExit2(string panelist, string model, int status, string message)
    {
        var script = new PanelScript();
        await using var emulator = new ProviderEmulator(Refusing(script, r => r.Model == model ? status : null));
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var panel = string.Join(',', Panel.Split(',').Where(p => p.Split(':')[0] != panelist.Split(':')[0]).Append(panelist));

        var run = CliRunner.Run(_temp.Path, Env(emulator), "check", essay, "--source", source, "--out", "runs", "--panel", panel, "--quiet");

        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.StdErr}");
        Assert.Contains(panelist, run.StdErr, StringComparison.Ordinal);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
        var requests = emulator.Requests.Select(r => r.Parsed).OfType<EmulatedRequest>().ToArray();
        Assert.All(requests, r => Assert.True(IsPreflight(r), "a request other than the preflight was sent"));
        Assert.Equal(4, requests.Length);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "runs")) && Directory.EnumerateFileSystemEntries(Path.Combine(_temp.Path, "runs")).Any(), "no run folder may be written");
    }

    [Fact]
    public async Task AHealthyPanel_PaysOneTokenRequestPerPanelist_AndTheLogRecordsIt()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var run = CliRunner.Run(_temp.Path, Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "p", "--panel", Panel, "--quiet", "--no-cache");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var preflight = emulator.Requests.Select(r => r.Parsed).OfType<EmulatedRequest>().Where(IsPreflight).ToArray();
        Assert.Equal(4, preflight.Length);
        Assert.Equal(4, preflight.Select(r => r.Provider).Distinct().Count());
        var log = File.ReadAllLines(Path.Combine(_temp.Path, "runs", "p", "provenance.jsonl"));
        Assert.Equal(4, log.Count(l => l.Contains("\"type\":\"preflight\"", StringComparison.Ordinal)));
        Assert.Equal(0, CliRunner.Run(_temp.Path, "verify-log", "runs/p").ExitCode);
        var methodology = File.ReadAllText(Path.Combine(_temp.Path, "runs", "p", "methodology.md"));
        Assert.Contains("- Preflight: before the first paid call, each of the 4 panelist model(s) was sent a one-token request. Answered: `anthropic:claude-opus-4-6`, `openai:gpt-5.2-pro`, `google:gemini-3-pro`, `xai:grok-4.1`. Every panelist answered.", methodology, StringComparison.Ordinal);

        // A replay calls nothing, yet names the preflight the run recorded, word for word.
        var replay = CliRunner.Run(_temp.Path, new Dictionary<string, string>(), "replay", "runs/p", "--out", "replayed");
        Assert.True(replay.ExitCode == 0, replay.StdErr);
        Assert.Equal(methodology, File.ReadAllText(Path.Combine(_temp.Path, "replayed", "methodology.md")));
    }

    [Fact]
    public async Task AServerErrorAtPreflight_DoesNotStopTheRun()
    {
        // xai's preflight fails with 500 on every attempt: that says nothing against the key or the model.
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(r => IsPreflight(r) && r.Provider == "xai" ? ScriptedReply.Fault(500) : script.Answer(r));
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var run = CliRunner.Run(_temp.Path, Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "x500", "--panel", Panel, "--quiet", "--no-cache");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains(emulator.Requests, r => r.Parsed is { } p && p.Provider == "xai" && !IsPreflight(p));
        var methodology = File.ReadAllText(Path.Combine(_temp.Path, "runs", "x500", "methodology.md"));
        Assert.Contains("Answered: `anthropic:claude-opus-4-6`, `openai:gpt-5.2-pro`, `google:gemini-3-pro`. Did not answer", methodology, StringComparison.Ordinal);
        Assert.Matches(@"went on and left it to its retries and outage rules: `xai:grok-4\.1` \([^)]*500", methodology);

        // Without a preflight the note says none was made (a one-panelist run says it as well as a four-panelist one).
        var unchecked_ = new Dictionary<string, string>(Env(emulator)) { ["CrossCheck__Preflight"] = "false" };
        Assert.Equal(0, CliRunner.Run(_temp.Path, unchecked_, "check", essay, "--source", source, "--out", "runs", "--run-id", "none", "--panel", "anthropic:claude-opus-4-6", "--no-extract", "--quiet").ExitCode);
        Assert.Contains("- Preflight: no preflight check was made before this run", File.ReadAllText(Path.Combine(_temp.Path, "runs", "none", "methodology.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvidersPingPanel_ChecksExactlyThoseModels()
    {
        await using var emulator = new ProviderEmulator(Refusing(new PanelScript(), r => r.Model == "gpt-5.2-pr0" ? 404 : null));

        var ping = CliRunner.Run(_temp.Path, Env(emulator), "providers", "--ping", "--panel", "openai:gpt-5.2-pr0,xai:grok-4.1");

        Assert.Equal(4, ping.ExitCode);
        var lines = ping.StdOut.Split('\n');
        Assert.Contains(lines, l => l.Contains("openai:gpt-5.2-pr0", StringComparison.Ordinal) && l.Contains("FAIL", StringComparison.Ordinal) && l.Contains("404", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("xai:grok-4.1", StringComparison.Ordinal) && l.Contains("ok", StringComparison.Ordinal));
        var models = emulator.Requests.Select(r => r.Parsed?.Model ?? "").ToArray();
        Assert.Equal(["gpt-5.2-pr0", "grok-4.1"], models.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Estimate_NeedsNoKeys_AndCallsNothing()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var noKeys = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "", ["ANTHROPIC_API_KEY"] = "", ["CrossCheck__Preflight"] = "true" };

        var estimate = CliRunner.Run(_temp.Path, noKeys, "check", essay, "--source", source, "--panel", "anthropic:claude-opus-4-6,openai:gpt-5.2-pro", "--estimate");

        Assert.True(estimate.ExitCode == 0, estimate.StdErr);
        Assert.Contains("nothing was called", estimate.StdOut.ReplaceLineEndings(" "), StringComparison.Ordinal);
        var run = CliRunner.Run(_temp.Path, noKeys, "check", essay, "--source", source, "--panel", "anthropic:claude-opus-4-6,openai:gpt-5.2-pro");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ANTHROPIC_API_KEY", run.StdErr, StringComparison.Ordinal);
    }
}
