using System.Diagnostics;
using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Panel;

/// <summary>verify-log, replay and crash-safe resume, through the real program and the emulator (scripted answers are test fixtures).</summary>
[StartEarly]
public sealed class ReplayAndResumeTests(ReplayAndResumeTests.FourPanelRun original) : IDisposable, IClassFixture<ReplayAndResumeTests.FourPanelRun>
{
    private const string Panel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";
    private static readonly string[] Reports = ["matrix.csv", "matrix.json", "claims.json", "report.md", "report.html", "methodology.md", "run.json"];
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, string> Env(ProviderEmulator emulator) => PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0003"));

    private static string Verdict(string claim) => PanelScript.SampleVerdict(claim);

    /// <summary>
    /// One uninterrupted four-panelist run of the sample (its emulator kept alive for the class), which the replay test
    /// rebuilds and whose matrix the resumed run must reproduce.
    /// </summary>
    public sealed class FourPanelRun : IAsyncLifetime
    {
        private readonly TempFolder _temp = new();

        public ProviderEmulator Emulator { get; } = new(new PanelScript { VerdictFor = Verdict }.Answer);

        /// <summary>The run folder (runs/orig of the fixture's own temporary folder).</summary>
        public string Folder => Path.Combine(_temp.Path, "runs", "orig");

        /// <summary>The requests the run made.</summary>
        public int Calls { get; private set; }

        public Task InitializeAsync()
        {
            var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
            var run = CliRunner.Run(_temp.Path, Env(Emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "orig", "--panel", Panel, "--quiet", "--no-cache");
            Assert.True(run.ExitCode == 0, run.StdErr);
            Calls = Emulator.Requests.Count;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await Emulator.DisposeAsync();
            _temp.Dispose();
        }
    }

    [Fact]
    public void Replay_RebuildsEveryReportFromTheLogWithoutCallingAnyModel()
    {
        Assert.True(original.Calls > 0);

        var replay = CliRunner.Run(_temp.Path, new Dictionary<string, string>(), "replay", original.Folder, "--out", "replayed");

        Assert.True(replay.ExitCode == 0, replay.StdErr + replay.StdOut);
        Assert.Equal(original.Calls, original.Emulator.Requests.Count);
        foreach (var file in Reports)
        {
            var originalText = File.ReadAllText(Path.Combine(original.Folder, file));
            var replayed = File.ReadAllText(Path.Combine(_temp.Path, "replayed", file));
            var at = Enumerable.Range(0, Math.Min(originalText.Length, replayed.Length)).FirstOrDefault(i => originalText[i] != replayed[i]);
            Assert.True(originalText == replayed, $"{file} differs after replay at {at}: {originalText.Substring(Math.Max(0, at - 80), Math.Min(200, originalText.Length - Math.Max(0, at - 80)))} /// {replayed.Substring(Math.Max(0, at - 80), Math.Min(200, replayed.Length - Math.Max(0, at - 80)))}");
        }
    }

    [Fact]
    public async Task VerifyLog_FindsAChangedByteAndADeletedRecord()
    {
        await using var emulator = new ProviderEmulator(new PanelScript().Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        Assert.Equal(0, CliRunner.Run(_temp.Path, Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "r", "--panel", "anthropic:claude-opus-4-6", "--quiet", "--no-extract").ExitCode);
        var log = Path.Combine(_temp.Path, "runs", "r", "provenance.jsonl");
        var holds = CliRunner.Run(_temp.Path, "verify-log", "runs/r");
        Assert.Equal(0, holds.ExitCode);
        Assert.Contains("chain holds", holds.StdOut, StringComparison.Ordinal);
        var lines = File.ReadAllLines(log);

        var changed = (string[])lines.Clone();
        var at = changed[5].IndexOf("\"data\":{", StringComparison.Ordinal) + 9;
        changed[5] = changed[5][..at] + (changed[5][at] == 'a' ? 'b' : 'a') + changed[5][(at + 1)..];
        File.WriteAllLines(log, changed);
        var broken = CliRunner.Run(_temp.Path, "verify-log", "runs/r");
        Assert.Equal(4, broken.ExitCode);
        Assert.Contains("line 7", broken.StdOut, StringComparison.Ordinal);

        File.WriteAllLines(log, lines.Where((_, i) => i != 9));
        var deleted = CliRunner.Run(_temp.Path, "verify-log", "runs/r");
        Assert.Equal(4, deleted.ExitCode);
        Assert.Contains("line 10", deleted.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_AfterSigkillAtSeveralPoints_GivesTheUninterruptedMatrixAndRepeatsNoRecordedCall()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var script = new PanelScript { VerdictFor = Verdict };
        // The matrix of the same run uninterrupted (the class's four-panelist run of the sample, with another run id).
        var expected = File.ReadAllText(Path.Combine(original.Folder, "matrix.csv"));

        // Each answer takes 60 ms while the runs that get killed go, so each is long enough to be killed part-way; the
        // final resume gets its answers at once (it only has to finish). Past each kill's point the emulator holds the
        // answers until the kill (KillPoint): the run cannot end first, however late the test sees its log.
        var slow = true;
        var point = new KillPoint(() => Directory.Exists(Path.Combine(_temp.Path, "runs"))
            && Directory.GetDirectories(Path.Combine(_temp.Path, "runs"), ".*.partial").FirstOrDefault() is { } partial
                ? Path.Combine(partial, "provenance.jsonl")
                : null);
        await using var emulator = new ProviderEmulator(async r =>
        {
            await point.PassAsync();
            return script.Answer(r).After(TimeSpan.FromMilliseconds(Volatile.Read(ref slow) ? 60 : 0));
        });
        string[] args = ["check", essay, "--source", source, "--out", "runs", "--panel", Panel, "--quiet", "--parallel", "2", "--no-cache"];
        var killedAfter = new List<(int RequestsSoFar, HashSet<string> Recorded)>();
        foreach (var calls in new[] { 8, 30, 60 })
        {
            using var process = CliRunner.Start(_temp.Path, Env(emulator), args);
            // Generous: a spawned program starts slowly when the tests run side by side on two loaded cores.
            var log = await point.WaitAsync(calls, () => process.HasExited, () => "", TimeSpan.FromMinutes(5));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            point.Release();
            killedAfter.Add((emulator.Requests.Count, LogFixtures.RecordedUserContents(log)));
            Assert.False(Directory.GetDirectories(Path.Combine(_temp.Path, "runs")).Any(d => !Path.GetFileName(d).StartsWith('.')), "a killed run must not look complete");
        }
        Volatile.Write(ref slow, false);
        var final = CliRunner.Run(_temp.Path, Env(emulator), args);

        Assert.True(final.ExitCode == 0, final.StdErr);
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(_temp.Path, "runs")));
        Assert.Equal(expected, File.ReadAllText(Path.Combine(folder, "matrix.csv")));
        var requests = emulator.Requests;
        foreach (var (soFar, recorded) in killedAfter)
        {
            var repeated = requests.Skip(soFar).Select(r => r.Parsed).OfType<EmulatedRequest>().Where(r => recorded.Contains(LogFixtures.Key(r))).ToArray();
            Assert.True(repeated.Length == 0, $"{repeated.Length} call(s) recorded before a kill were sent again");
        }
        var check = CliRunner.Run(_temp.Path, "verify-log", folder);
        Assert.True(check.ExitCode == 0, check.StdOut);
        var lines = File.ReadAllLines(Path.Combine(folder, "provenance.jsonl"));
        Assert.Equal(3, lines.Count(l => l.Contains("\"run_resumed\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Resume_WhenTheLogEndsInATornLine_CutsItLogsThatAndReusesEveryRecordedAnswer()
    {
        var script = new PanelScript { VerdictFor = Verdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        string[] args = ["check", essay, "--source", source, "--out", "runs", "--panel", "anthropic:claude-opus-4-6,xai:grok-4.1", "--quiet", "--no-cache", "--no-extract"];
        Assert.Equal(0, CliRunner.Run(_temp.Path, Env(emulator), [.. args, "--run-id", "t"]).ExitCode);
        var calls = emulator.Requests.Count;
        // Make it look like a crash mid-run: the folder is unfinished and the last record was cut mid-write.
        var runs = Path.Combine(_temp.Path, "runs");
        Directory.Move(Path.Combine(runs, "t"), Path.Combine(runs, ".t.partial"));
        var log = Path.Combine(runs, ".t.partial", "provenance.jsonl");
        File.AppendAllText(log, "{\"v\":1,\"seq\":999,\"type\":\"model_ca");

        var resumed = CliRunner.Run(_temp.Path, Env(emulator), [.. args, "--resume", "t"]);

        Assert.True(resumed.ExitCode == 0, resumed.StdErr);
        Assert.Equal(calls, emulator.Requests.Count);
        var lines = File.ReadAllLines(Path.Combine(runs, "t", "provenance.jsonl"));
        var marker = JsonDocument.Parse(Assert.Single(lines, l => l.Contains("\"run_resumed\"", StringComparison.Ordinal))).RootElement.GetProperty("data");
        Assert.True(marker.GetProperty("torn_last_line_cut").GetBoolean());
        Assert.Equal(calls, marker.GetProperty("answers_reused").GetInt32());
        Assert.Equal(0, CliRunner.Run(_temp.Path, "verify-log", "runs/t").ExitCode);
    }
}
