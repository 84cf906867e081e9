using CrossCheck.Costs;
using CrossCheck.Models;

namespace CrossCheck.Tests.Costs;

public sealed class BudgetGateTests
{
    private static readonly PanelistSpec Panelist = new("anthropic", "claude-opus-4-6", "anthropic");

    [Fact]
    public void Reserve_WhenSpendPlusHeldPlusThisFits_HoldsItUntilReleased()
    {
        var meter = new CostMeter(PriceTable.Default);
        var gate = new BudgetGate(meter, 1.00m);

        using (gate.Reserve(0.60m, "claim C1"))
        {
            Assert.Throws<BudgetExceededException>(() => gate.Reserve(0.50m, "claim C2"));
        }

        Assert.True(gate.Spent);
    }

    [Fact]
    public void Reserve_AfterARefusal_StaysShutSoTheBudgetBuysWholeClaims()
    {
        var gate = new BudgetGate(new CostMeter(PriceTable.Default), 1.00m);

        Assert.Throws<BudgetExceededException>(() => gate.Reserve(2m, "claim C1"));
        var refused = Assert.Throws<BudgetExceededException>(() => gate.Reserve(0.01m, "claim C2"));

        Assert.Equal("--max-cost 1.00 USD reached before claim C2", refused.Message);
    }

    [Fact]
    public void Reserve_CountsWhatTheMeterHasRecorded()
    {
        var meter = new CostMeter(PriceTable.Default);
        var gate = new BudgetGate(meter, 1.00m);
        meter.Record("verify", Panelist, 100_000, 20_000); // 0.50 + 0.50 USD at 5/25 per million

        Assert.Throws<BudgetExceededException>(() => gate.Reserve(0.01m, "the verify call"));
    }

    [Fact]
    public void Reserve_WithNoBudget_NeverRefuses()
    {
        using var held = BudgetGate.Unlimited.Reserve(1_000_000m, "anything");

        Assert.False(BudgetGate.Unlimited.Spent);
    }
}
