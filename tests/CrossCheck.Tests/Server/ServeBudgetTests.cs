using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Server.Stores;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCheck.Tests.Server;

/// <summary>A served run's max_cost, with its claims checked as jobs of their own: each claim reserves on the shared budget gate first.</summary>
[Collection("serve")]
public sealed class ServeBudgetTests : IDisposable
{
    private const string Panel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task MaxCost_BelowTheRunsCost_LeavesClaimsUncheckedAndSpendsNoMoreThanTheLimit()
    {
        await using var emulator = new ProviderEmulator(new PanelScript { VerdictFor = PanelScript.SampleVerdict }.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment(), o => o.Workers = 4);
        using var alice = server.Client(ServerHarness.AliceToken);

        var id = await ServeApi.SubmitAsync(alice, essay, source, new Dictionary<string, string> { ["panel"] = Panel, ["extract"] = "false", ["max_cost"] = "0.60" });
        var run = await ServeApi.WaitForAsync(alice, id, ServeApi.Finished, seconds: 300);

        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        Assert.False(run.GetProperty("complete").GetBoolean(), run.ToString());
        using var spec = JsonDocument.Parse(await alice.GetStringAsync($"api/runs/{id}/artifacts/run.json"));
        var uncheckedClaims = spec.RootElement.GetProperty("unchecked_claims").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.NotEmpty(uncheckedClaims);
        using var matrix = JsonDocument.Parse(await alice.GetStringAsync($"api/runs/{id}/artifacts/matrix.json"));
        var spent = matrix.RootElement.GetProperty("summary").GetProperty("cost").GetProperty("cost_usd").GetDecimal();
        Assert.InRange(spent, 0.01m, 0.60m);
        // The gate's books agree: what the claims settled is what the run's report counts (to its 4 decimals), within the limit.
        var (settled, reserved) = await server.Services.GetRequiredService<IBudgetGate>().GetAsync(id, CancellationToken.None);
        Assert.Equal(0m, reserved);
        Assert.Equal(spent, Math.Round(settled, 4));
        Assert.Contains("budget_reached", await alice.GetStringAsync($"api/runs/{id}/artifacts/provenance.jsonl"), StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run(_temp.Path, "verify-log", Path.Combine(server.DataRoot, "runs", id)).ExitCode);
    }
}
