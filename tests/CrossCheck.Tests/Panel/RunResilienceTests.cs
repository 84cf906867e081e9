using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Costs;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Resilience;
using CrossCheck.Running;
using CrossCheck.Runs;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCheck.Tests.Panel;

/// <summary>A whole run under faults, budgets and the cache (emulated providers; scripted answers are test fixtures).</summary>
public sealed class RunResilienceTests : IDisposable
{
    private const string Seed = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Verdict(string claim) => PanelScript.SampleVerdict(claim);

    private RunOptions Options(string panel, ProviderRegistry registry, decimal? maxCost = null)
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        return new RunOptions
        {
            EssayPath = essay,
            SourcePaths = [source],
            OutputRoot = _temp.File("runs"),
            Panel = PanelParser.Parse(panel, registry),
            PanelOptions = new PanelOptions { Extract = false, MaxParallelClaims = 4 },
            PromptsFolder = Path.Combine(AppContext.BaseDirectory, "prompts"),
            MaxCost = maxCost,
            AutoResume = false,
        };
    }

    [Fact]
    public async Task Run_WhenAProviderStaysDown_ReassignsItsRolesAndCountsItsVotesAsFailed()
    {
        var script = new PanelScript { VerdictFor = Verdict };
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
        await using var services = TestServices.Build(emulator.Environment(FakeKeys.Sk("emulated-test-key-0004")), fragile);
        var registry = services.GetRequiredService<ProviderRegistry>();

        var run = await services.GetRequiredService<CheckRunner>().RunAsync(Options(Seed, registry), null, CancellationToken.None);

        var judged = run.Outcomes.Where(o => o.Panel is not null).ToArray();
        Assert.All(judged, o => Assert.True(o.Panel!.Verifications.Single(v => v.Panelist.Provider == "xai").Failed));
        Assert.All(judged, o => Assert.NotEqual(CrossCheck.Checks.Verdict.Failed, o.FinalVerdict));
        Assert.All(judged, o => Assert.Equal(Verdict(o.Claim.Text), o.FinalVerdict.Name()));
        Assert.All(judged, o => Assert.NotEqual(o.Panel!.Roles.Drafter, o.Panel.Roles.Reconciler));
        var log = File.ReadAllLines(Path.Combine(run.Folder, "provenance.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var reassigned = log.Where(r => r.GetProperty("type").GetString() == "role_reassigned").Select(r => r.GetProperty("data")).ToArray();
        Assert.NotEmpty(reassigned);
        Assert.All(reassigned, r => Assert.Equal("xai:grok-4.1", r.GetProperty("from").GetString()));
        Assert.Contains(log, r => r.GetProperty("type").GetString() == "resilience" && r.GetProperty("data").GetProperty("kind").GetString() == "breaker_opened");
        Assert.Contains(judged, o => o.Panel!.Roles.Notes.Any(n => n.Contains("reassigned from xai:grok-4.1", StringComparison.Ordinal)));
        // Once the breaker is open, calls to xai fail fast without reaching the provider.
        Assert.True(emulator.Requests.Count(r => r.Parsed?.Provider == "xai") < judged.Length, "the open breaker should keep calls from reaching xai");

        // Replayed, the roles go to whom the run gave them (from the log), not to whom the rotation would give them with
        // every provider up; recorded failures fail with their recorded error: the same reports, byte for byte, no call.
        var calls = emulator.Requests.Count;
        var replayed = _temp.File("replayed");
        await services.GetRequiredService<CheckRunner>().RunAsync(Replayer.OptionsFor(run.Folder, replayed), null, CancellationToken.None);
        Assert.Equal(calls, emulator.Requests.Count);
        foreach (var file in (string[])["matrix.csv", "matrix.json", "claims.json", "report.md", "report.html", "methodology.md", "run.json"])
        {
            Assert.True(File.ReadAllText(Path.Combine(run.Folder, file)) == File.ReadAllText(Path.Combine(replayed, file)), $"{file} differs after replay");
        }
    }

    [Fact]
    public async Task Run_WhenAProviderAnswers429WithRetryAfter_WaitsThatLongAndLogsEveryAttemptAndWait()
    {
        var script = new PanelScript { VerdictFor = Verdict };
        var first = 0;
        await using var emulator = new ProviderEmulator(r =>
            r.Provider == "anthropic" && Interlocked.Increment(ref first) == 1 ? ScriptedReply.RateLimited(1) : script.Answer(r));
        var options = new ProviderResilienceOptions { MaxRetryAttempts = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(50), RetryUseJitter = false };
        await using var services = TestServices.Build(emulator.Environment(FakeKeys.Sk("emulated-test-key-0008")), options);
        var registry = services.GetRequiredService<ProviderRegistry>();

        var run = await services.GetRequiredService<CheckRunner>().RunAsync(Options("anthropic:claude-opus-4-6", registry), null, CancellationToken.None);

        Assert.All(run.Outcomes.Where(o => o.Panel is not null), o => Assert.Equal(Verdict(o.Claim.Text), o.FinalVerdict.Name()));
        var records = File.ReadAllLines(Path.Combine(run.Folder, "provenance.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("type").GetString() == "resilience").Select(r => r.GetProperty("data")).ToArray();
        var wait = Assert.Single(records, r => r.GetProperty("kind").GetString() == "retry_wait");
        Assert.Equal(1000, wait.GetProperty("wait_ms").GetDouble());
        Assert.Equal("anthropic:claude-opus-4-6", wait.GetProperty("panelist").GetString());
        Assert.False(string.IsNullOrEmpty(wait.GetProperty("stage").GetString()));
        Assert.Contains(records, r => r.GetProperty("kind").GetString() == "attempt" && r.GetProperty("status").ValueKind == JsonValueKind.Number && r.GetProperty("status").GetInt32() == 429);
    }

    [Fact]
    public async Task Estimate_IsWithinTwentyPercentOfTheInputTokensTheRunThenUses()
    {
        var script = new PanelScript { VerdictFor = Verdict };
        // The emulator bills a quarter of the request body's characters, and its scripted answers have the
        // length the estimator expects for each stage: the test isolates how well the estimator models the
        // requests themselves (its per-stage output lengths are stated defaults, not measured here).
        await using var emulator = new ProviderEmulator(r => Sized(script.Answer(r), PanelScript.StageOf(r)) with { InputTokens = r.Body.Length / 4 });
        var registry = ProviderRegistry.Create(null, emulator.Environment(FakeKeys.Sk("emulated-test-key-0005")));
        var factory = new ModelClientFactory(registry, TimeProvider.System);
        var runner = new CheckRunner(TimeProvider.System, new Random(2), new PanelServices(factory.Create));
        var options = Options(Seed, registry);

        var estimate = await runner.EstimateAsync(options, CancellationToken.None);
        Assert.Empty(emulator.Requests);
        var run = await runner.RunAsync(options, null, CancellationToken.None);

        var used = run.Costs!.Total;
        Assert.Equal(used.Calls, estimate.Calls);
        var ratio = estimate.InputTokens / (double)used.InputTokens;
        Assert.InRange(ratio, 0.8, 1.2);
        Assert.True(estimate.CostUsd > 0);
    }

    private static ScriptedReply Sized(ScriptedReply reply, string stage)
    {
        if (!CostEstimator.DefaultExpectedOutputTokens.TryGetValue(stage, out var tokens) || !reply.Text.Contains("scripted test answer", StringComparison.Ordinal))
        {
            return reply;
        }
        var padding = new string('y', Math.Max(0, tokens * 4 - reply.Text.Length));
        return reply with { Text = reply.Text.Replace("scripted test answer", "scripted test answer " + padding, StringComparison.Ordinal) };
    }

    [Fact]
    public async Task MaxCost_BelowTheEstimate_StopsEarlyWithAnIncompleteReportAndExitCodeFive()
    {
        var script = new PanelScript { VerdictFor = Verdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0006"));
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        string[] common = ["check", essay, "--source", source, "--out", "runs", "--panel", Seed, "--quiet", "--no-extract"];

        var estimate = CliRunner.Run(_temp.Path, env, [.. common, "--estimate"]);
        Assert.True(estimate.ExitCode == 0, estimate.StdErr);
        Assert.Contains("nothing was called", estimate.StdOut, StringComparison.Ordinal);
        Assert.Empty(emulator.Requests);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "runs")));

        var result = CliRunner.Run(_temp.Path, env, [.. common, "--max-cost", "0.60", "--run-id", "capped"]);

        Assert.True(result.ExitCode == 5, result.StdErr + result.StdOut);
        Assert.Contains("--max-cost reached", result.StdErr, StringComparison.Ordinal);
        var folder = Path.Combine(_temp.Path, "runs", "capped");
        var report = File.ReadAllText(Path.Combine(folder, "report.md"));
        Assert.Contains("INCOMPLETE", report, StringComparison.Ordinal);
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run.json")));
        Assert.False(spec.RootElement.GetProperty("complete").GetBoolean());
        var unchecked_ = spec.RootElement.GetProperty("unchecked_claims").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.NotEmpty(unchecked_);
        Assert.All(unchecked_, id => Assert.Contains(id!, report, StringComparison.Ordinal));
        using var matrix = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "matrix.json")));
        var spent = matrix.RootElement.GetProperty("summary").GetProperty("cost").GetProperty("cost_usd").GetDecimal();
        // A call starts only when the spend so far plus the estimates of the calls in flight and its own fit the budget.
        Assert.InRange(spent, 0.01m, 0.60m);
        Assert.Contains(JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "matrix.json"))).RootElement.GetProperty("claims").EnumerateArray(),
            c => c.GetProperty("verdicts").EnumerateObject().Count() > 1);

        // Replay reproduces the incomplete run: the same unchecked claims, the INCOMPLETE banner, exit 5, byte for byte.
        var calls = emulator.Requests.Count;
        var replay = CliRunner.Run(_temp.Path, new Dictionary<string, string>(), "replay", "runs/capped", "--out", "replayed");
        Assert.True(replay.ExitCode == 5, replay.StdErr + replay.StdOut);
        Assert.Equal(calls, emulator.Requests.Count);
        foreach (var file in new[] { "matrix.csv", "matrix.json", "claims.json", "report.md", "report.html", "methodology.md", "run.json" })
        {
            Assert.True(File.ReadAllText(Path.Combine(folder, file)) == File.ReadAllText(Path.Combine(_temp.Path, "replayed", file)), $"{file} differs after replay");
        }
    }

    [Fact]
    public async Task Check_RunTwiceUnchanged_MakesNoProviderCallTheSecondTimeAndGivesTheSameMatrix()
    {
        var script = new PanelScript { VerdictFor = Verdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0007"));
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var first = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--run-id", "one", "--panel", Seed, "--quiet");
        var calls = emulator.Requests.Count;
        var second = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--run-id", "two", "--panel", Seed, "--quiet");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.True(calls > 0);
        Assert.Equal(calls, emulator.Requests.Count);
        Assert.Equal(File.ReadAllText(Path.Combine(_temp.Path, "runs", "one", "matrix.csv")), File.ReadAllText(Path.Combine(_temp.Path, "runs", "two", "matrix.csv")));
        Assert.Contains("\"origin\":\"cache\"", File.ReadAllText(Path.Combine(_temp.Path, "runs", "two", "provenance.jsonl")), StringComparison.Ordinal);

        // methodology.md says where the answers came from: the providers the first time, the cache the second, per stage.
        var paid = File.ReadAllText(Path.Combine(_temp.Path, "runs", "one", "methodology.md"));
        var cached = File.ReadAllText(Path.Combine(_temp.Path, "runs", "two", "methodology.md"));
        Assert.Matches(@"came from \(extraction included, repairs not counted\): \d+ from the providers \(extract 1, draft \d+, verify \d+, attack \d+, reconcile \d+\)\.", paid);
        Assert.DoesNotContain("response cache, no provider called", paid, StringComparison.Ordinal);
        Assert.Matches(@"came from \(extraction included, repairs not counted\): \d+ served from the response cache, no provider called and nothing paid \(extract 1, draft \d+, verify \d+, attack \d+, reconcile \d+\)\.", cached);
        Assert.DoesNotContain("from the providers", cached, StringComparison.Ordinal);
        Assert.Contains("**No model was called for this run:**", cached, StringComparison.Ordinal);
        Assert.Contains("Cost: US$0: no call of this run was paid for", cached, StringComparison.Ordinal);
        Assert.DoesNotContain("by stage: .", cached, StringComparison.Ordinal);
        Assert.Matches(@"Cost: US\$[0-9.]+ by the editable price table in the configuration, for \d+ paid call\(s\); by stage: \w+ \d+ calls", paid);
    }
}
