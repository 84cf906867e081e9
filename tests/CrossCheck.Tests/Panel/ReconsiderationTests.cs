using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Panel;

/// <summary>
/// Issue 9: <c>--rounds 2</c> is a real reconsideration. The second round's attack and reconcile requests carry the first
/// round's outcome (the votes, the attack, the reconciliation and the verdict drawn from it), so they differ from the
/// first round's and reach the provider instead of being answered from the response cache. Emulated providers over
/// the wire; the scripted answers are test fixtures, identical in both rounds on purpose.
/// </summary>
public sealed class ReconsiderationTests : IDisposable
{
    private const string Seed = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Check_WithTwoRounds_SendsSecondRoundRequestsThatCarryTheFirstRoundsOutcome_AndTheProviderReceivesThem()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0091"));
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        // The response cache is on (the default): a second round identical to the first would never reach the emulator.
        var run = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--run-id", "two", "--panel", Seed, "--quiet", "--no-extract", "--rounds", "2");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var requests = emulator.Requests.Select(r => r.Parsed).OfType<EmulatedRequest>().ToArray();
        foreach (var stage in new[] { "Attack", "Reconcile" })
        {
            var byClaim = requests.Where(r => PanelScript.StageOf(r) == stage).GroupBy(r => PanelScript.Data(r)!.Value.GetProperty("claim").GetString()).ToArray();
            Assert.NotEmpty(byClaim);
            foreach (var claim in byClaim)
            {
                Assert.True(claim.Count() == 2, $"{stage} of '{claim.Key}': {claim.Count()} request(s) reached the provider, expected one per round");
                var first = Assert.Single(claim, r => !PanelScript.Data(r)!.Value.TryGetProperty("round", out _));
                var second = Assert.Single(claim, r => PanelScript.Data(r)!.Value.TryGetProperty("round", out var n) && n.GetInt32() == 2);
                Assert.NotEqual(first.Body, second.Body);
                Assert.False(PanelScript.Data(first)!.Value.TryGetProperty("previous_rounds", out _), "round 1 must stay the plain request");

                var previous = Assert.Single(PanelScript.Data(second)!.Value.GetProperty("previous_rounds").EnumerateArray());
                Assert.Equal(1, previous.GetProperty("round").GetInt32());
                var votes = previous.GetProperty("verify_votes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
                Assert.Equal(4, votes.Values.Sum());
                var expected = PanelScript.SampleVerdict(claim.Key!);
                Assert.Equal(expected, previous.GetProperty("attack").GetProperty("proposed_verdict").GetString());
                var reconciliation = previous.GetProperty("reconciliation");
                Assert.Equal(expected, reconciliation.GetProperty("verdict").GetString());
                Assert.Equal("scripted test answer", reconciliation.GetProperty("rationale").GetString());
                Assert.False(string.IsNullOrEmpty(previous.GetProperty("outcome").GetProperty("verdict").GetString()));
                Assert.DoesNotContain("anthropic:", second.Body, StringComparison.Ordinal);
            }
        }

        // The log says where each round-2 answer came from: the provider, not the cache.
        var folder = Path.Combine(_temp.Path, "runs", "two");
        var calls = File.ReadAllLines(Path.Combine(folder, "provenance.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("type").GetString() == "model_call").Select(r => r.GetProperty("data"))
            .Where(d => d.GetProperty("round").GetInt32() == 2).ToArray();
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.Equal("provider", c.GetProperty("origin").GetString()));

        Assert.Contains("Rounds of attack and reconciliation: 2 (each later round was shown the earlier rounds'", File.ReadAllText(Path.Combine(folder, "methodology.md")), StringComparison.Ordinal);

        // The second round's requests can be rebuilt from the log alone: replay calls nothing and writes the same note.
        var before = emulator.Requests.Count;
        var replay = CliRunner.Run(_temp.Path, new Dictionary<string, string>(), "replay", "runs/two", "--out", "replayed");
        Assert.True(replay.ExitCode == 0, replay.StdErr);
        Assert.Equal(before, emulator.Requests.Count);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "methodology.md")), File.ReadAllText(Path.Combine(_temp.Path, "replayed", "methodology.md")));
    }
}
