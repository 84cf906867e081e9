using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Safety;

/// <summary>An unusable or damaged response cache fails loudly before any paid call, and the documented reset works.</summary>
public sealed class CacheLocationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Check_CacheUnderAFile_IsOneLineExit2AndNoRequest()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var blocker = _temp.File("blocker");
        File.WriteAllText(blocker, "a file, not a folder");
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-cache-key-0001"));
        env["CrossCheck__CachePath"] = Path.Combine(blocker, "responses.db");

        var result = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--panel", "openai:gpt-4.1", "--quiet");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("response cache cannot be used", result.StdErr, StringComparison.Ordinal);
        Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.Empty(emulator.Requests);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "runs")) && Directory.EnumerateFileSystemEntries(Path.Combine(_temp.Path, "runs"), ".*.partial").Any());
    }

    [Fact]
    public void CacheClear_OnADamagedFile_DeletesIt_AndStatsSaysSoInOneLine()
    {
        var path = _temp.File("responses.db");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes("SQLite format 3\0"), .. Enumerable.Repeat((byte)0xAB, 8192)]);
        var env = new Dictionary<string, string> { ["CrossCheck__CachePath"] = path };

        var stats = CliRunner.Run(_temp.Path, env, "cache", "stats");
        Assert.Equal(2, stats.ExitCode);
        Assert.Contains("cache clear", stats.StdErr, StringComparison.Ordinal);

        var clear = CliRunner.Run(_temp.Path, env, "cache", "clear");
        Assert.True(clear.ExitCode == 0, clear.StdErr);
        Assert.Contains("damaged", clear.StdOut, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Equal(0, CliRunner.Run(_temp.Path, env, "cache", "stats").ExitCode);
    }
}
