using CrossCheck.Costs;
using CrossCheck.Models;
using CrossCheck.Panel;

namespace CrossCheck.Tests.Costs;

public sealed class CostMeterTests
{
    private static readonly PanelistSpec Opus = new("anthropic", "claude-opus-4-6", "anthropic");
    private static readonly PanelistSpec Grok = new("xai", "grok-4.1", "xai");
    private static readonly PanelistSpec Unknown = new("openai", "gpt-unknown", "openai");

    [Fact]
    public void Record_AccumulatesPerRunStageAndPanelist_AndCountsUnpricedCalls()
    {
        var meter = new CostMeter(PriceTable.Default);

        meter.Record("verify", Opus, 1_000_000, 0);   // $5
        meter.Record("verify", Grok, 0, 1_000_000);   // $15
        meter.Record("attack", Opus, 0, 200_000);     // $5
        var unknown = meter.Record("attack", Unknown, 500, 500);

        Assert.Null(unknown.Cost);
        Assert.Equal(new CostTotals(4, 1_000_500, 1_200_500, 25m, 1), meter.Total);
        Assert.False(meter.Total.IsComplete);
        Assert.Equal(20m, meter.ByStage["verify"].KnownCost);
        Assert.True(meter.ByStage["verify"].IsComplete);
        Assert.Equal(1, meter.ByStage["attack"].UnpricedCalls);
        Assert.Equal(10m, meter.ByPanelist[Opus.Id].KnownCost);
        Assert.Equal(4, meter.Lines.Count);
    }

    [Fact]
    public void WouldExceed_ComparesSpentPlusEstimateWithBudget()
    {
        var meter = new CostMeter(PriceTable.Default);
        meter.Record("verify", Opus, 1_000_000, 0); // $5

        Assert.False(meter.WouldExceed(10m, 5m));
        Assert.True(meter.WouldExceed(10m, 5.01m));
        Assert.True(meter.WouldExceed(4m, 0m));
        Assert.False(meter.WouldExceed(5m, null));
    }

    [Fact]
    public async Task Record_FromManyThreads_LosesNothing()
    {
        var meter = new CostMeter(PriceTable.Default);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (int i = 0; i < 500; i++)
            {
                meter.Record(i % 2 == 0 ? "verify" : "attack", t % 2 == 0 ? Opus : Grok, 1000, 100);
            }
        })));

        Assert.Equal(4000, meter.Total.Calls);
        Assert.Equal(4_000_000, meter.Total.InputTokens);
        Assert.Equal(2000, meter.ByStage["verify"].Calls);
        Assert.Equal(meter.Lines.Sum(l => l.Cost!.Value), meter.Total.KnownCost);
    }
}
