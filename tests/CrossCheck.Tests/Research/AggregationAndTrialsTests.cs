using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Research;

/// <summary>Aggregation rules re-decided by replay without a model, and repeated trials (scripted answers are test fixtures).</summary>
public sealed class AggregationAndTrialsTests : IDisposable
{
    private const string Pair = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,xai:grok-4.1";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>TEST FIXTURE: the sample's verdicts, except that xai's verifier says not_in_source on every trial numbered 2 or on every call when <paramref name="always"/>.</summary>
    private static Func<EmulatedRequest, ScriptedReply> Dissenting(PanelScript script, bool always)
    {
        return request =>
        {
            var data = PanelScript.Data(request);
            var trial = data is { } d && d.TryGetProperty("trial", out var t) ? t.GetInt32() : 1;
            if (request.Provider == "xai" && PanelScript.StageOf(request) == "Verify" && (always || trial == 2))
            {
                return ScriptedReply.Answer(JsonSerializer.Serialize(new { verdict = "not_in_source", confidence = 0.6, rationale = "scripted dissent", citations = Array.Empty<object>() }), 900, 120);
            }
            return script.Answer(request);
        };
    }

    [Fact]
    public async Task ReplayAggregate_Strictest_ChangesFinalVerdictsWithoutASingleEmulatorRequest()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(Dissenting(script, always: true));
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var run = CliRunner.Run(_temp.Path, ResearchRuns.Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "r", "--panel", Pair, "--quiet", "--no-extract");
        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        var calls = emulator.Requests.Count;

        var replay = CliRunner.Run(_temp.Path, new Dictionary<string, string>(), "replay", "runs/r", "--out", "strict", "--aggregate", "strictest");

        Assert.True(replay.ExitCode == 0, replay.StdErr + replay.StdOut);
        Assert.Equal(calls, emulator.Requests.Count);
        var before = Finals(Path.Combine(_temp.Path, "runs", "r"));
        var after = Finals(Path.Combine(_temp.Path, "strict"));
        var supported = before.Where(b => b.Value == "supported").Select(b => b.Key).ToArray();
        Assert.NotEmpty(supported);
        Assert.All(supported, id => Assert.Equal("not_in_source", after[id]));
        Assert.Equal("strictest", ResearchRuns.Json(Path.Combine(_temp.Path, "strict", "run.json")).GetProperty("aggregation").GetString());
        Assert.Equal("reconciler-with-guards", ResearchRuns.Json(Path.Combine(_temp.Path, "runs", "r", "run.json")).GetProperty("aggregation").GetString());
        Assert.Contains("`strictest`", File.ReadAllText(Path.Combine(_temp.Path, "strict", "methodology.md")), StringComparison.Ordinal);

        var majority = CliRunner.Run(_temp.Path, new Dictionary<string, string>(), "replay", "runs/r", "--out", "majority", "--aggregate", "majority");
        Assert.True(majority.ExitCode == 0, majority.StdErr);
        Assert.Equal(calls, emulator.Requests.Count);
        Assert.All(supported, id => Assert.Equal("supported", Finals(Path.Combine(_temp.Path, "majority"))[id]));
    }

    [Fact]
    public async Task CheckWithThreeTrials_RecordsThreeAnswersPerPanelistAndClaim_AndReportsStability()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(Dissenting(script, always: false));
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var run = CliRunner.Run(_temp.Path, ResearchRuns.Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "t", "--panel", Pair, "--trials", "3", "--quiet", "--no-extract");

        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        var verifies = emulator.Requests.Where(r => PanelScript.StageOf(r.Parsed!) == "Verify").Select(r => PanelScript.Data(r.Parsed!)!.Value).ToArray();
        var matrix = ResearchRuns.Json(Path.Combine(_temp.Path, "runs", "t", "matrix.json"));
        var judged = matrix.GetProperty("claims").EnumerateArray().Where(c => c.TryGetProperty("trials", out _)).ToArray();
        Assert.NotEmpty(judged);
        Assert.Equal(judged.Length * 3 * 3, verifies.Length);
        Assert.Equal(judged.Length * 3, verifies.Count(v => !v.TryGetProperty("trial", out _)));
        Assert.Equal(judged.Length * 3, verifies.Count(v => v.TryGetProperty("trial", out var t) && t.GetInt32() == 3));
        foreach (var claim in judged)
        {
            var trials = claim.GetProperty("trials");
            foreach (var panelist in Pair.Split(','))
            {
                Assert.Equal(3, trials.GetProperty("verdicts").GetProperty(panelist).GetArrayLength());
            }
            var xai = trials.GetProperty("verdicts").GetProperty("xai:grok-4.1");
            Assert.Equal("not_in_source", xai[1].GetString());
            // Where the sample's own verdict is not_in_source the dissent changes nothing: stability 1, else 2 of 3.
            Assert.Equal(xai[0].GetString() == "not_in_source" ? 1.0 : 2.0 / 3, trials.GetProperty("panelist_stability").GetProperty("xai:grok-4.1").GetDouble(), 3);
            Assert.Equal(1.0, trials.GetProperty("panelist_stability").GetProperty("openai:gpt-5.2-pro").GetDouble(), 3);
        }
        var consistency = matrix.GetProperty("research").GetProperty("trials").GetProperty("panelists").EnumerateArray().ToDictionary(p => p.GetProperty("panelist").GetString()!, p => p.GetProperty("self_consistency").GetDouble());
        var expected = judged.Average(c => c.GetProperty("trials").GetProperty("panelist_stability").GetProperty("xai:grok-4.1").GetDouble());
        Assert.Equal(expected, consistency["xai:grok-4.1"], 3);
        Assert.True(consistency["xai:grok-4.1"] < 1.0);
        Assert.Equal(1.0, consistency["anthropic:claude-opus-4-6"], 3);
        Assert.Empty(Html.SchemaCheck.Validate(SchemaPath("matrix.schema.json"), Path.Combine(_temp.Path, "runs", "t", "matrix.json")));
        var methodology = File.ReadAllText(Path.Combine(_temp.Path, "runs", "t", "methodology.md"));
        Assert.Contains("## Repeated trials", methodology, StringComparison.Ordinal);
        Assert.Contains("percentile bootstrap, claims resampled with replacement", methodology, StringComparison.Ordinal);
        Assert.Contains("random seed 13", methodology, StringComparison.Ordinal);
        var intervals = matrix.GetProperty("research").GetProperty("intervals");
        Assert.Equal(13, intervals.GetProperty("seed").GetInt32());
        Assert.True(intervals.GetProperty("alpha_ordinal").GetProperty("defined").GetInt32() > 0);
        var html = File.ReadAllText(Path.Combine(_temp.Path, "runs", "t", "report.html"));
        Assert.Contains("id=\"research\"", html, StringComparison.Ordinal);
        Assert.Contains("Krippendorff&#39;s alpha (ordinal)", html.Replace("&#x27;", "&#39;", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static string SchemaPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CrossCheck.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir!.FullName, "docs", "schemas", name);
    }

    private static Dictionary<string, string> Finals(string folder) =>
        ResearchRuns.Json(Path.Combine(folder, "matrix.json")).GetProperty("claims").EnumerateArray()
            .ToDictionary(c => c.GetProperty("claim_id").GetString()!, c => c.GetProperty("final_verdict").GetString()!);
}
