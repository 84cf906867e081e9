using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Runs;
using CrossCheck.Resilience;
using CrossCheck.Running;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCheck.Tests.Panel;

/// <summary>
/// A run in which a provider went down, its roles moved to other panelists, replayed: the replay must give the roles
/// to whom the run gave them (from the log), not to whom the rotation would give them with every provider up; the
/// reports are then the same byte for byte (emulated providers; scripted answers are test fixtures).
/// </summary>
public sealed class ReplayReassignedRolesTests : IDisposable
{
    private const string Panel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";
    private static readonly string[] Reports = ["matrix.csv", "matrix.json", "claims.json", "report.md", "report.html", "methodology.md", "run.json"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Replay_OfARunWhoseRolesMovedOffADownProvider_IsTheSameRun()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(r => r.Provider == "xai" ? ScriptedReply.Fault(503) : script.Answer(r));
        var fragile = new ProviderResilienceOptions
        {
            MaxConcurrentRequests = 4,
            MaxRetryAttempts = 0,
            BreakerFailureRatio = 0.5,
            BreakerMinimumThroughput = 2,
            BreakerSamplingDuration = TimeSpan.FromMinutes(5),
            BreakerBreakDuration = TimeSpan.FromMinutes(30),
        };
        await using var services = TestServices.Build(emulator.Environment(FakeKeys.Sk("emulated-test-key-0041")), fragile);
        var registry = services.GetRequiredService<ProviderRegistry>();
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var options = new RunOptions
        {
            EssayPath = essay,
            SourcePaths = [source],
            OutputRoot = _temp.File("runs"),
            Panel = PanelParser.Parse(Panel, registry),
            PanelOptions = new PanelOptions { Extract = false, MaxParallelClaims = 4 },
            PromptsFolder = Path.Combine(AppContext.BaseDirectory, "prompts"),
            AutoResume = false,
        };
        var runner = services.GetRequiredService<CheckRunner>();
        var run = await runner.RunAsync(options, null, CancellationToken.None);
        Assert.Contains(run.Outcomes, o => o.Panel?.Roles.Notes.Any(n => n.Contains("reassigned from xai:grok-4.1", StringComparison.Ordinal)) == true);
        var calls = emulator.Requests.Count;

        var replayed = _temp.File("replayed");
        await runner.RunAsync(Replayer.OptionsFor(run.Folder, replayed), null, CancellationToken.None);

        Assert.Equal(calls, emulator.Requests.Count);
        foreach (var file in Reports)
        {
            var original = File.ReadAllText(Path.Combine(run.Folder, file));
            var again = File.ReadAllText(Path.Combine(replayed, file));
            var at = Enumerable.Range(0, Math.Min(original.Length, again.Length)).FirstOrDefault(i => original[i] != again[i]);
            Assert.True(original == again, $"{file} differs after replay at {at}: {original.Substring(Math.Max(0, at - 100), Math.Min(240, original.Length - Math.Max(0, at - 100)))} /// {again.Substring(Math.Max(0, at - 100), Math.Min(240, again.Length - Math.Max(0, at - 100)))}");
        }
    }
}
