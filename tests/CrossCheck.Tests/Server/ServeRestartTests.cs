using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Server;

/// <summary>The embedded profile after a SIGKILL mid-run: the next start resumes the run from its log and pays for no recorded answer again.</summary>
[StartEarly]
public sealed class ServeRestartTests : IDisposable
{
    private const string Panel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Serve_KilledMidRun_ResumesOnStartWithTheSameMatrixAndNoRecordedCallSentAgain()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        // Each answer takes 100 ms until the kill, so the run is long enough to be killed part-way; the restarted process
        // gets its answers at once (it only has to finish).
        // Past the kill's point the emulator holds the answers until the kill (KillPoint): the run cannot end first.
        var slow = true;
        string? log = null;
        var point = new KillPoint(() => Volatile.Read(ref log));
        await using var emulator = new ProviderEmulator(async r =>
        {
            await point.PassAsync();
            return script.Answer(r).After(TimeSpan.FromMilliseconds(Volatile.Read(ref slow) ? 100 : 0));
        });
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0012"));
        string[] args = ["--data", "data", "--allow-anonymous-localhost", "--workers", "2"];
        string id;
        // The process starts while the same essay is checked once by `check` (the matrix to expect), side by side.
        var starting = ServeProcess.StartAsync(_temp.Path, env, args);
        var clean = Task.Run(async () =>
        {
            await using var emulatorOfCheck = new ProviderEmulator(script.Answer);
            var run = CliRunner.Run(_temp.Path, PanelScript.Env(emulatorOfCheck, FakeKeys.Sk("emulated-test-key-0012")), "check", essay, "--source", source, "--out", "clean", "--run-id", "x", "--panel", Panel, "--no-extract", "--quiet", "--no-cache");
            Assert.True(run.ExitCode == 0, run.StdErr);
            return File.ReadAllText(Path.Combine(_temp.Path, "clean", "x", "matrix.csv"));
        });
        await using (var first = await starting)
        {
            using var client = first.Client();
            id = await ServeApi.SubmitAsync(client, essay, source, new Dictionary<string, string> { ["panel"] = Panel, ["extract"] = "false" });
            Volatile.Write(ref log, Path.Combine(_temp.Path, "data", "runs", $".{id}.partial", "provenance.jsonl"));
            await point.WaitAsync(12, () => first.HasExited, () => ": " + first.Output, TimeSpan.FromMinutes(2));
            await first.KillAsync();
            point.Release();
        }
        Volatile.Write(ref slow, false);
        var expected = await clean;
        var sentBeforeKill = emulator.Requests.Count;
        var recorded = LogFixtures.RecordedUserContents(log!);
        // Only the run's own log may spare the calls again: the response cache is emptied.
        File.Delete(Path.Combine(_temp.Path, "responses-cache.db"));

        await using var second = await ServeProcess.StartAsync(_temp.Path, env, args);
        using var again = second.Client();
        var done = await ServeApi.WaitForAsync(again, id, ServeApi.Finished);

        Assert.True(done.GetProperty("status").GetString() == "succeeded", done.ToString());
        Assert.Equal(2, done.GetProperty("attempt").GetInt32());
        Assert.Equal(expected, await again.GetStringAsync($"api/runs/{id}/artifacts/matrix.csv"));
        var repeated = emulator.Requests.Skip(sentBeforeKill).Select(r => r.Parsed).OfType<EmulatedRequest>().Count(r => recorded.Contains(LogFixtures.Key(r)));
        Assert.True(repeated == 0, $"{repeated} call(s) recorded before the kill were sent again");
        var folder = Path.Combine(_temp.Path, "data", "runs", id);
        var verify = CliRunner.Run(_temp.Path, "verify-log", folder);
        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
        Assert.Single(File.ReadAllLines(Path.Combine(folder, "provenance.jsonl")), l => l.Contains("\"run_resumed\"", StringComparison.Ordinal));
    }
}
