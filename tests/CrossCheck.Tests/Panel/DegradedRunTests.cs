using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Panel;

/// <summary>Issue 9: a run that lost a panelist says so (console, methodology.md, matrix.json) and exits 6 unless --allow-degraded. Emulated providers; scripted answers are test fixtures.</summary>
public sealed class DegradedRunTests : IDisposable
{
    private const string Seed = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    public async Task Check_WhenAProviderFailsForever_ReassignsItsRolesReportsItAndExits6(int status)
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(r => r.Provider == "xai"
            ? (status == 429 ? ScriptedReply.RateLimited() : ScriptedReply.Fault(status))
            : script.Answer(r));
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0009"));
        env["CrossCheck__Resilience__Default__MaxRetryAttempts"] = "0";
        env["CrossCheck__Resilience__Default__BreakerMinimumThroughput"] = "2";
        env["CrossCheck__Resilience__Default__RateLimitedCallsBeforeDown"] = "2";

        var result = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--run-id", "down" + status, "--panel", Seed, "--quiet", "--no-cache", "--no-extract");

        Assert.True(result.ExitCode == 6, $"exit {result.ExitCode}: {result.StdErr}");
        Assert.Contains("panel degraded: xai:grok-4.1 failed", result.StdErr, StringComparison.Ordinal);
        var folder = Path.Combine(_temp.Path, "runs", "down" + status);
        var methodology = File.ReadAllText(Path.Combine(folder, "methodology.md"));
        Assert.Contains("This run was degraded", methodology, StringComparison.Ordinal);
        Assert.Matches(@"\| xai:grok-4\.1 \| 0 \| 0 \| 0 \| 0 \| \d+ of \d+ \| [1-9]\d* \|", methodology);
        var matrix = File.ReadAllText(Path.Combine(folder, "matrix.json"));
        Assert.Contains("\"degraded\": true", matrix, StringComparison.Ordinal);

        var allowed = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--run-id", "allowed" + status, "--panel", Seed, "--quiet", "--no-cache", "--no-extract", "--allow-degraded");
        Assert.True(allowed.ExitCode == 0, $"exit {allowed.ExitCode}: {allowed.StdErr}");
    }
}
