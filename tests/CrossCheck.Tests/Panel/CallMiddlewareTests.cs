using System.Text.Json;
using CrossCheck.Costs;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Provenance;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Panel;

/// <summary>The run's model-call middleware (budget → provenance → metering), each piece on its own and as built by <see cref="CallMiddleware"/>.</summary>
public sealed class CallMiddlewareTests : IDisposable
{
    private static readonly PanelistSpec Opus = new("anthropic", "claude-opus-4-6", "anthropic");
    private static readonly ModelRequest Request = new("verify", "system prompt", "{\"claim\":\"x\"}");
    private static readonly PromptRef Prompt = new("verify", "1.0.0", "abc");
    private readonly TempFolder _folder = new();

    private sealed class ScriptedClient(Func<ModelRequest, CancellationToken, Task<ModelAnswer>> answer) : IModelClient
    {
        public int Calls { get; private set; }

        public PanelistSpec Panelist => Opus;

        public Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
        {
            Calls++;
            return answer(request, cancellationToken);
        }
    }

    private static ScriptedClient Answering(string origin, int input = 100_000, int output = 20_000) =>
        new((_, _) => Task.FromResult(new ModelAnswer("{\"verdict\":\"supported\"}", input, output, "v1", TimeSpan.FromMilliseconds(12)) { Origin = origin }));

    private static IDisposable For(string claim = "C1", string stage = "verify", int round = 1, bool reserve = false) =>
        CallScope.Enter(new CallContext(claim, stage, Opus.Id) { Round = round, Prompt = Prompt, Reserve = reserve });

    private List<JsonElement> Records(string path)
    {
        return File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    [Theory]
    [InlineData("provider", true)]
    [InlineData("log", true)]
    [InlineData("cache", false)]
    [InlineData("since", false)]
    [InlineData(RecordedAnswers.UnpaidOrigin, false)]
    public async Task Metered_RecordsWhatWasPaidForUnderTheStageAndPassesThePriceOn(string origin, bool paid)
    {
        var meter = new CostMeter(PriceTable.Default);
        var client = new MeteredModelClient(Answering(origin), meter);

        ModelAnswer answer;
        using (For(stage: "Verify/repair"))
        {
            answer = await client.CompleteAsync(Request, CancellationToken.None);
        }

        Assert.Equal(paid ? 1 : 0, meter.Total.Calls);
        Assert.Equal(paid ? 1.00m : null, answer.CostUsd); // 100k in at 5 + 20k out at 25 USD per million
        if (paid)
        {
            Assert.Equal("verify", Assert.Single(meter.ByStage).Key);
        }
    }

    [Fact]
    public async Task Budgeted_ACallThatDoesNotFit_IsRefusedBeforeItIsSent_AndOnlyCallsThatReserveAreGated()
    {
        var meter = new CostMeter(PriceTable.Default);
        var gate = new BudgetGate(meter, 0.000001m);
        var inner = Answering("provider");
        var client = new BudgetedModelClient(inner, gate, new CostEstimator(PriceTable.Default));

        using (For(reserve: false))
        {
            await client.CompleteAsync(Request, CancellationToken.None);
        }
        using (For(stage: "extract", reserve: true))
        {
            var refused = await Assert.ThrowsAsync<BudgetExceededException>(() => client.CompleteAsync(Request, CancellationToken.None));
            Assert.Contains("before the extract call to anthropic:claude-opus-4-6", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task Budgeted_HoldsTheEstimateWhileTheCallRuns_AndReleasesItAfter()
    {
        var gate = new BudgetGate(new CostMeter(PriceTable.Default), 1m);
        var estimate = new CostEstimator(PriceTable.Default).Estimate(Opus, Request).Cost!.Value;
        var during = new List<bool>();
        var inner = new ScriptedClient((_, _) =>
        {
            // With this call's estimate held, a reservation of what is left (plus a little) must be refused.
            during.Add(Fits(gate, 1m - estimate + 0.0000001m));
            return Task.FromResult(new ModelAnswer("{}", 1, 1, null, TimeSpan.Zero));
        });
        var client = new BudgetedModelClient(inner, gate, new CostEstimator(PriceTable.Default));

        using (For(reserve: true))
        {
            await client.CompleteAsync(Request, CancellationToken.None);
        }

        Assert.Equal([false], during);
        Assert.True(estimate > 0m);
    }

    private static bool Fits(BudgetGate gate, decimal amount)
    {
        // A probe on a copy would not see the held amount; probing the gate itself shuts it on refusal, which is fine here.
        try
        {
            using (gate.Reserve(amount, "probe"))
            {
                return true;
            }
        }
        catch (BudgetExceededException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Provenance_RecordsTheCallAsItsContextNamesIt_AReuseAsReused_AndAFailureWithItsError()
    {
        var path = _folder.File("provenance.jsonl");
        using (var log = new ProvenanceLog(path, TimeProvider.System))
        {
            using (For(claim: "C7", stage: "attack", round: 2))
            {
                await new ProvenanceModelClient(Answering("provider"), log).CompleteAsync(Request, CancellationToken.None);
                await new ProvenanceModelClient(Answering("log"), log).CompleteAsync(Request, CancellationToken.None);
                var failing = new ProvenanceModelClient(new ScriptedClient((_, _) => throw new HttpRequestException("500 Internal Server Error\nbody")), log);
                await Assert.ThrowsAsync<HttpRequestException>(() => failing.CompleteAsync(Request, CancellationToken.None));
            }
        }

        var records = Records(path);
        Assert.Equal(["model_call", "model_call_reused", "model_call"], records.Select(r => r.GetProperty("type").GetString()));
        var call = records[0].GetProperty("data");
        Assert.Equal("C7", call.GetProperty("claim").GetString());
        Assert.Equal("attack", call.GetProperty("stage").GetString());
        Assert.Equal(2, call.GetProperty("round").GetInt32());
        Assert.Equal("1.0.0", call.GetProperty("prompt").GetProperty("version").GetString());
        Assert.Equal(ModelRequestHash.Compute(Opus, Request), call.GetProperty("request_hash").GetString());
        Assert.Equal(ModelRequestHash.Compute(Opus, Request), records[1].GetProperty("data").GetProperty("request_hash").GetString());
        Assert.Equal("500 Internal Server Error", records[2].GetProperty("data").GetProperty("error").GetString());
    }

    [Fact]
    public async Task Provenance_TheRunsOwnCancellationAndABudgetRefusal_AreNotRecordedAsFailedCalls()
    {
        var path = _folder.File("provenance.jsonl");
        using (var log = new ProvenanceLog(path, TimeProvider.System))
        {
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            var cancelling = new ProvenanceModelClient(new ScriptedClient((_, token) => Task.FromCanceled<ModelAnswer>(token)), log);
            var refusing = new ProvenanceModelClient(new ScriptedClient((_, _) => throw new BudgetExceededException("--max-cost reached")), log);
            using (For())
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelling.CompleteAsync(Request, cancelled.Token));
                await Assert.ThrowsAsync<BudgetExceededException>(() => refusing.CompleteAsync(Request, CancellationToken.None));
            }
        }

        Assert.Empty(Records(path));
    }

    [Fact]
    public async Task Built_TheLogCarriesTheMetersPrice_AndARefusedCallLeavesNoRecord()
    {
        var path = _folder.File("provenance.jsonl");
        var meter = new CostMeter(PriceTable.Default);
        var inner = Answering("provider");
        using (var log = new ProvenanceLog(path, TimeProvider.System))
        {
            var middleware = new CallMiddleware(log, meter, new BudgetGate(meter, 1.5m), new CostEstimator(PriceTable.Default));
            var client = middleware.AddTo(new ModelClientBuilder(inner)).Build();
            using (For(reserve: true))
            {
                await client.CompleteAsync(Request, CancellationToken.None); // costs 1.00 of 1.50
                await Assert.ThrowsAsync<BudgetExceededException>(() => client.CompleteAsync(Request with { UserContent = new string('x', 800_000) }, CancellationToken.None));
            }
        }

        var record = Assert.Single(Records(path));
        Assert.Equal(1.00m, record.GetProperty("data").GetProperty("cost_usd").GetDecimal());
        Assert.Equal(1, inner.Calls);
        Assert.Equal(1.00m, meter.Total.KnownCost);
    }

    public void Dispose() => _folder.Dispose();
}
