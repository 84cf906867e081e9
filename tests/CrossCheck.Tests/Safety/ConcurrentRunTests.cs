using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Safety;

/// <summary>Two identical commands at once, and the same --run-id at once: one owner, no request paid twice.</summary>
public sealed class ConcurrentRunTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoIdenticalCommands_OneRunsTheOtherSaysInProgress(bool withRunId)
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        // The emulator holds every answer until the second command has finished, so the first run is alive however
        // long the second process takes to start on a loaded machine (scripted fixtures).
        // The held answers await the gate, so they hold no thread of the pool the other tests share.
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var emulator = new ProviderEmulator(async r =>
        {
            await Task.WhenAny(released.Task, Task.Delay(TimeSpan.FromMinutes(2)));
            return script.Answer(r);
        });
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        string[] args = ["check", essay, "--source", source, "--out", "runs", "--panel", "openai:gpt-4.1,xai:grok-4.1", "--quiet", "--no-cache", .. withRunId ? new[] { "--run-id", "same" } : []];
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-lock-key-0001"));

        // Two processes: CliRunner runs each command in a warm CLI host, and a host runs one command at a time, so the
        // second command goes to another host process while the first one's run is held.
        var first = Task.Run(() => CliRunner.Run(_temp.Path, env, args));
        while (emulator.Requests.Count == 0 && !first.IsCompleted)
        {
            await Task.Delay(20);
        }
        CliRunner.Result second;
        try
        {
            second = CliRunner.Run(_temp.Path, env, args);
        }
        finally
        {
            released.TrySetResult();
        }
        var firstResult = await first;

        Assert.True(firstResult.ExitCode == 0, firstResult.StdErr);
        Assert.Equal(7, second.ExitCode);
        Assert.Contains("in progress", second.StdErr, StringComparison.Ordinal);
        var runs = Directory.GetDirectories(Path.Combine(_temp.Path, "runs")).Where(d => !Path.GetFileName(d).StartsWith('.')).ToArray();
        var run = Assert.Single(runs);
        Assert.Equal(0, CliRunner.Run(_temp.Path, "verify-log", run).ExitCode);
        var bodies = emulator.Requests.Select(r => r.Path + "\n" + r.Body).ToArray();
        Assert.Equal(bodies.Length, bodies.Distinct().Count());
    }

    [Fact]
    public void RunId_Unsafe_IsOneLineAndExit2()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var result = CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", "runs", "--run-id", "bad id\u200F");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--run-id", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "runs", "bad id\u200F")));
    }

    [Fact]
    public void Out_IsAFile_IsOneLineAndExit2()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var file = _temp.File("not-a-folder");
        File.WriteAllText(file, "x");
        var result = CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", file);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("internal error", result.StdErr, StringComparison.Ordinal);
    }
}
