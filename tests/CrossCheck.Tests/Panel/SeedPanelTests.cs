using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.EndToEnd;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Panel;

/// <summary>
/// The seed's four-model panel, each provider emulated on 127.0.0.1, driven through the real
/// program and the real SDK code paths. Answers are scripted test fixtures (<see cref="PanelScript"/>).
/// </summary>
public sealed class SeedPanelTests : IDisposable
{
    private const string SeedPanel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, string> Env(ProviderEmulator emulator) => PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0001"));

    private static string ExpectedVerdict(string claim) => PanelScript.SampleVerdict(claim);

    [Fact]
    public async Task Check_WithTheSeedPanel_RunsEveryStageThroughEachProvidersWireFormatAndRotatesRoles()
    {
        var script = new PanelScript { VerdictFor = ExpectedVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var result = CliRunner.Run(_temp.Path, Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "seed", "--panel", SeedPanel, "--quiet");

        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        var folder = Path.Combine(_temp.Path, "runs", "seed");
        var rows = SampleRunTests.ReadCsv(Path.Combine(folder, "matrix.csv"));
        var panelists = SeedPanel.Split(',');
        Assert.All(panelists, p => Assert.True(rows[0].ContainsKey(p), $"matrix.csv has no column {p}"));
        var checkable = rows.Where(r => r["checkable"] == "true").ToArray();
        Assert.NotEmpty(checkable);
        foreach (var row in checkable)
        {
            Assert.All(panelists, p => Assert.Equal(ExpectedVerdict(row["text"]), row[p]));
            Assert.Equal(ExpectedVerdict(row["text"]), row["final_verdict"]);
            Assert.Equal("unanimous", row["agreement"]);
        }

        var requests = emulator.Requests.Select(r => r.Parsed!).ToArray();
        AssertWire(requests, "anthropic", WireFormat.AnthropicMessages, "/v1/messages", "claude-opus-4-6", r => r.Header("anthropic-version") is not null && (r.Header("authorization") ?? r.Header("x-api-key")) is not null);
        AssertWire(requests, "openai", WireFormat.OpenAIResponses, "/v1/responses", "gpt-5.2-pro", r => r.Header("authorization") == "Bearer " + FakeKeys.Sk("emulated-test-key-0001"));
        AssertWire(requests, "gemini", WireFormat.OpenAIChat, "/gemini/v1beta/openai/chat/completions", "gemini-3-pro", r => r.Header("authorization") == "Bearer " + FakeKeys.Sk("emulated-test-key-0001"));
        AssertWire(requests, "xai", WireFormat.OpenAIChat, "/xai/v1/chat/completions", "grok-4.1", r => r.Header("authorization") == "Bearer " + FakeKeys.Sk("emulated-test-key-0001"));

        var seen = script.Seen.Where(s => s.Claim is not null).ToArray();
        var claims = checkable.Select(r => r["text"]).ToArray();
        foreach (var claim in claims)
        {
            var forClaim = seen.Where(s => s.Claim == claim).ToArray();
            Assert.Single(forClaim, s => s.Stage == "Draft");
            Assert.Equal(4, forClaim.Count(s => s.Stage == "Verify"));
            Assert.Equal(4, forClaim.Where(s => s.Stage == "Verify").Select(s => s.Provider).Distinct().Count());
            Assert.Single(forClaim, s => s.Stage == "Attack");
            var reconciler = Assert.Single(forClaim, s => s.Stage == "Reconcile").Provider;
            var drafter = forClaim.Single(s => s.Stage == "Draft").Provider;
            var attacker = forClaim.Single(s => s.Stage == "Attack").Provider;
            Assert.NotEqual(drafter, reconciler);
            Assert.NotEqual(attacker, reconciler);
        }
        foreach (var stage in new[] { "Draft", "Attack", "Reconcile" })
        {
            var counts = new[] { "anthropic", "openai", "gemini", "xai" }
                .Select(p => seen.Count(s => s.Stage == stage && s.Provider == p && claims.Contains(s.Claim))).ToArray();
            Assert.True(counts.Max() - counts.Min() <= 1, $"{stage} roles uneven: {string.Join(",", counts)}");
        }

        var log = File.ReadAllLines(Path.Combine(folder, "provenance.jsonl"));
        var calls = log.Select(l => JsonDocument.Parse(l).RootElement).Where(r => r.GetProperty("type").GetString() == "model_call").ToArray();
        Assert.Equal(requests.Length, calls.Length);
        Assert.All(calls, c => Assert.True(c.GetProperty("data").GetProperty("usage").GetProperty("input_tokens").GetInt32() > 0));
        Assert.DoesNotContain(log, l => l.Contains(FakeKeys.Sk("emulated-test-key-0001"), StringComparison.Ordinal));
        var methodology = File.ReadAllText(Path.Combine(folder, "methodology.md"));
        Assert.Contains("panel of 4 model(s) from 4 provider(s)", methodology, StringComparison.Ordinal);
        Assert.Contains("Fleiss' kappa", methodology, StringComparison.Ordinal);
        // Every panelist's answers were timed and counted; the emulator answers all four alike, so none set the pace.
        Assert.Matches(@"Time the run waited for each answer from the providers .*`anthropic:[^`]+` \d+(\.\d)? m?s \(\d+\), `openai:[^`]+` \d+(\.\d)? m?s \(\d+\), `google:[^`]+` \d+(\.\d)? m?s \(\d+\), `xai:[^`]+` \d+(\.\d)? m?s \(\d+\)\.", methodology);
        Assert.DoesNotContain("waited much longer", methodology, StringComparison.Ordinal);
    }

    private static void AssertWire(IReadOnlyList<EmulatedRequest> requests, string provider, WireFormat format, string path, string model, Func<EmulatedRequest, bool> auth)
    {
        var mine = requests.Where(r => r.Provider == provider).ToArray();
        Assert.NotEmpty(mine);
        Assert.All(mine, r =>
        {
            Assert.Equal(format, r.Format);
            Assert.Equal(path, r.Path);
            Assert.Equal(model, r.Model);
            Assert.True(auth(r), $"{provider}: auth headers wrong: {string.Join(", ", r.Headers.Keys)}");
        });
    }

    [Fact]
    public async Task Check_WithOllamaAndAGenericCompatibleServer_Works()
    {
        var script = new PanelScript { VerdictFor = ExpectedVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var result = CliRunner.Run(_temp.Path, Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "local", "--panel", "ollama:llama3.2,compat:mistral-small", "--quiet", "--no-extract");

        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        var rows = SampleRunTests.ReadCsv(Path.Combine(_temp.Path, "runs", "local", "matrix.csv"));
        Assert.Contains("ollama:llama3.2", rows[0].Keys);
        Assert.Contains("compat:mistral-small", rows[0].Keys);
        var requests = emulator.Requests.Select(r => r.Parsed!).ToArray();
        Assert.Contains(requests, r => r.Format == WireFormat.OllamaChat && r.Path == "/api/chat" && r.Model == "llama3.2");
        Assert.Contains(requests, r => r.Path == "/compat/v1/chat/completions" && r.Model == "mistral-small");
        Assert.All(rows.Where(r => r["checkable"] == "true"), r => Assert.Equal(ExpectedVerdict(r["text"]), r["final_verdict"]));
    }

    [Fact]
    public async Task Check_WithOnePanelist_WorksAndSaysNoCrossModelCheckTookPlace()
    {
        var script = new PanelScript { VerdictFor = ExpectedVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var result = CliRunner.Run(_temp.Path, Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "solo", "--panel", "anthropic:claude-opus-4-6", "--quiet", "--no-extract");

        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        var methodology = File.ReadAllText(Path.Combine(_temp.Path, "runs", "solo", "methodology.md"));
        Assert.Contains("no cross-model check took place", methodology, StringComparison.Ordinal);
        Assert.DoesNotContain("Fleiss", methodology, StringComparison.Ordinal);
        Assert.All(script.Seen, s => Assert.Equal("anthropic", s.Provider));
    }

    [Fact]
    public void Check_WhenAPanelMemberHasNoKey_NamesTheVariableToSet()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var env = new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = "", ["OPENAI_API_KEY"] = "" };

        var result = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--panel", "anthropic:claude-opus-4-6", "--quiet");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ANTHROPIC_API_KEY", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "runs")));
    }
}
