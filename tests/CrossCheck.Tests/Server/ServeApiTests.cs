using System.Net;
using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Server;

/// <summary><c>serve</c>'s API end to end, in process, against the provider emulator (scripted answers are test fixtures).</summary>
[Collection("serve")]
public sealed class ServeApiTests : IDisposable
{
    private const string Panel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Submit_WithAPanel_CompletesAndServesEveryArtifactOfTheSameRunACheckWouldWrite()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment());
        using var alice = server.Client(ServerHarness.AliceToken);

        var id = await ServeApi.SubmitAsync(alice, essay, source, new Dictionary<string, string> { ["panel"] = Panel, ["extract"] = "false" });
        var run = await ServeApi.WaitForAsync(alice, id, ServeApi.Finished);

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        var claims = run.GetProperty("claims").EnumerateArray().ToArray();
        Assert.NotEmpty(claims);
        Assert.Contains(claims, c => c.GetProperty("state").GetString() == "checked");
        var verdicts = run.GetProperty("verdicts");
        Assert.Equal(claims.Length, verdicts.EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.True(verdicts.GetProperty("contradicted").GetInt32() >= 1, run.ToString());
        foreach (var name in CrossCheck.Server.Api.RunEndpoints.Artifacts.Keys)
        {
            using var response = await alice.GetAsync($"api/runs/{id}/artifacts/{name}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, name);
        }
        var log = Path.Combine(server.DataRoot, "runs", id, "provenance.jsonl");
        Assert.Null(CrossCheck.Provenance.ProvenanceVerifier.Verify(log).Break);
        Assert.Equal(0, CliRunner.Run(_temp.Path, "verify-log", Path.Combine(server.DataRoot, "runs", id)).ExitCode);

        // The same inputs through `check` give the same matrix (verdict columns) as the server's run.
        var check = CliRunner.Run(_temp.Path, PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0011")), "check", essay, "--source", source, "--out", "cli", "--run-id", "c", "--panel", Panel, "--no-extract", "--quiet", "--no-cache");
        Assert.True(check.ExitCode == 0, check.StdErr);
        Assert.Equal(File.ReadAllText(Path.Combine(_temp.Path, "cli", "c", "matrix.csv")), await alice.GetStringAsync($"api/runs/{id}/artifacts/matrix.csv"));
    }

    [Fact]
    public async Task Events_StreamTheRunUntilItFinishes()
    {
        await using var emulator = new ProviderEmulator(new PanelScript().Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment());
        using var alice = server.Client(ServerHarness.AliceToken);
        var id = await ServeApi.SubmitAsync(alice, essay, source);

        using var stream = new StreamReader(await alice.GetStreamAsync($"api/runs/{id}/events"));
        var events = new List<string>();
        string? last = null;
        while (await stream.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                events.Add(line[7..]);
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                last = line[6..];
            }
        }

        Assert.Equal("finished", events[^1]);
        Assert.Equal("succeeded", JsonDocument.Parse(last!).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancel_StopsARunningRunAndMarksItCancelled()
    {
        // Each answer takes 400 ms, so the run is still going when it is cancelled.
        var script = new PanelScript();
        await using var emulator = new ProviderEmulator(r => script.Answer(r).After(TimeSpan.FromMilliseconds(400)));
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment(), o => o.Workers = 2);
        using var alice = server.Client(ServerHarness.AliceToken);
        var id = await ServeApi.SubmitAsync(alice, essay, source, new Dictionary<string, string> { ["panel"] = Panel, ["extract"] = "false" });
        await ServeApi.WaitForAsync(alice, id, r => r.GetProperty("status").GetString() == "running" && emulator.Requests.Count > 0);

        using var cancel = await alice.PostAsync($"api/runs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var run = await ServeApi.WaitForAsync(alice, id, ServeApi.Finished);

        Assert.Equal("cancelled", run.GetProperty("status").GetString());
        Assert.False(Directory.Exists(Path.Combine(server.DataRoot, "runs", id)), "a cancelled run must not look complete");
        using var artifact = await alice.GetAsync($"api/runs/{id}/artifacts/matrix.csv");
        Assert.Equal(HttpStatusCode.Conflict, artifact.StatusCode);
        using var again = await alice.PostAsync($"api/runs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task HealthReadinessAndOpenApi_AreServed()
    {
        await using var emulator = new ProviderEmulator();
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment());
        using var anonymous = server.Client(null);

        Assert.Equal("ok", await anonymous.GetStringAsync("healthz"));
        Assert.Equal("ready", await anonymous.GetStringAsync("readyz"));
        using var openApi = JsonDocument.Parse(await anonymous.GetStringAsync("openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/runs", "/api/runs/{id}", "/api/runs/{id}/events", "/api/runs/{id}/cancel", "/api/runs/{id}/artifacts/{name}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}
