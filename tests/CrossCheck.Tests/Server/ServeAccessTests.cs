using System.Net;
using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Server;

/// <summary>Who may do what: tokens, roles, own runs against all runs, and paths from requests.</summary>
[Collection("serve")]
public sealed class ServeAccessTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Requests_WithoutAValidToken_Get401_AWrongRole403_AndAnotherUsersRun404()
    {
        await using var emulator = new ProviderEmulator();
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment());
        using var anonymous = server.Client(null);
        using var stranger = server.Client("not-a-configured-token");
        using var alice = server.Client(ServerHarness.AliceToken);
        using var aliceReader = server.Client(ServerHarness.ReaderToken);
        using var bob = server.Client(ServerHarness.BobToken);
        using var admin = server.Client(ServerHarness.AdminToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("api/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("api/runs", ServeApi.Submission(essay, [source]))).StatusCode);
        using var readerSubmit = await aliceReader.PostAsync("api/runs", ServeApi.Submission(essay, [source]));
        Assert.Equal(HttpStatusCode.Forbidden, readerSubmit.StatusCode);
        Assert.Contains("role", JsonDocument.Parse(await readerSubmit.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);

        var id = await ServeApi.SubmitAsync(alice, essay, source);
        await ServeApi.WaitForAsync(alice, id, ServeApi.Finished);

        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"api/runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await aliceReader.GetAsync($"api/runs/{id}/artifacts/report.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"api/runs/{id}/artifacts/report.html")).StatusCode);
        foreach (var path in new[] { $"api/runs/{id}", $"api/runs/{id}/artifacts/report.html", $"api/runs/{id}/events" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"api/runs/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await aliceReader.PostAsync($"api/runs/{id}/cancel", null)).StatusCode);
        Assert.Empty(JsonDocument.Parse(await bob.GetStringAsync("api/runs")).RootElement.EnumerateArray());
        Assert.Single(JsonDocument.Parse(await alice.GetStringAsync("api/runs")).RootElement.EnumerateArray());
        Assert.Single(JsonDocument.Parse(await admin.GetStringAsync("api/runs")).RootElement.EnumerateArray());

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("jobs")).StatusCode);
    }

    [Fact]
    public async Task PathsFromRequests_NeverReachOutsideTheRunFolder()
    {
        await using var emulator = new ProviderEmulator();
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment());
        using var admin = server.Client(ServerHarness.AdminToken);
        var id = await ServeApi.SubmitAsync(admin, essay, source);
        await ServeApi.WaitForAsync(admin, id, ServeApi.Finished);
        File.WriteAllText(Path.Combine(server.DataRoot, "secret.txt"), "not for the API");

        foreach (var path in new[]
        {
            $"api/runs/{id}/artifacts/..%2F..%2Fsecret.txt", $"api/runs/{id}/artifacts/..%2F..%2F..%2Fsecret.txt", $"api/runs/..%2Fsecret.txt",
            "api/runs/..", $"api/runs/{id}/artifacts/provenance.jsonl%00.txt", $"api/runs/{id}/artifacts/secret.txt",
        })
        {
            using var response = await admin.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("not for the API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // An uploaded name with a path in it is stored under its last segment only, inside the run's inputs folder.
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(essay)), "essay", "../../../escape.md" },
            { new ByteArrayContent(File.ReadAllBytes(source)), "source", "..\\..\\source.pdf" },
        };
        using var submitted = await admin.PostAsync("api/runs", form);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var stored = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("essay/escape.md", stored.GetProperty("submission").GetProperty("essay").GetString());
        Assert.False(File.Exists(Path.Combine(server.DataRoot, "escape.md")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(server.DataRoot)!, "escape.md")));
    }

    [Fact]
    public async Task AnonymousLocalhost_IsLetInOnlyWhenConfigured()
    {
        await using var emulator = new ProviderEmulator();
        await using (var closed = await ServerHarness.StartAsync(_temp.File("closed"), emulator.Environment()))
        {
            using var anonymous = closed.Client(null);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/runs")).StatusCode);
        }
        await using var open = await ServerHarness.StartAsync(_temp.File("open"), emulator.Environment(), o => o.AllowAnonymousLocalhost = true);
        using var local = open.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("api/runs")).StatusCode);
    }
}
