using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Safety;

/// <summary>
/// A gateway that echoes the request's headers back (in a 401 error body, and in an answer's text) must leave no
/// key anywhere: not in the run folder, the response cache or the console. Echoed answers are test fixtures.
/// </summary>
public sealed class EchoedKeyTests : IDisposable
{
    private static readonly string Key = FakeKeys.Sk("emulated-echo-key-0042-abcdefghij");
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string HeadersJson(EmulatedRequest r) => JsonSerializer.Serialize(r.Headers);

    private static ScriptedReply Echo(ScriptedReply reply, EmulatedRequest r) => reply with { Text = reply.Text + " <!-- " + HeadersJson(r) + " -->" };

    [Fact]
    public async Task Check_WithAnEchoingGateway_LeavesNoKeyInTheRunFolderCacheOrConsole()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(r => r.Provider switch
        {
            // A gateway that refuses the key and echoes every header it got.
            "gemini" => ScriptedReply.Fault(401, "{\"error\":{\"message\":\"invalid key; request headers were " + HeadersJson(r).Replace("\"", "'", StringComparison.Ordinal) + "\",\"type\":\"auth\"}}"),
            // One that answers but appends the headers to the model's text.
            "xai" => Echo(script.Answer(r), r),
            _ => script.Answer(r),
        });
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var env = PanelScript.Env(emulator, Key);
        env["XDG_CACHE_HOME"] = _temp.File("cache");

        var result = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--run-id", "echo",
            "--panel", "openai:gpt-4.1,google:gemini-3-pro,xai:grok-4.1");
        var ping = CliRunner.Run(_temp.Path, env, "providers", "--ping");

        Assert.Contains(emulator.Requests, r => r.Parsed?.Provider == "gemini");
        Assert.Contains(emulator.Requests, r => r.Parsed?.Provider == "xai");
        var leaks = Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.GetDirectoryName(essay)!, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(Key, StringComparison.Ordinal) || ContainsPiece(File.ReadAllBytes(f)))
            .ToArray();
        Assert.True(leaks.Length == 0, "key found in: " + string.Join(", ", leaks));
        Assert.DoesNotContain(Key, result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ping.StdOut + ping.StdErr, StringComparison.Ordinal);
    }

    private static bool ContainsPiece(byte[] bytes) =>
        System.Text.Encoding.Latin1.GetString(bytes).Contains(Key[3..20], StringComparison.Ordinal);
}
