using CrossCheck.Costs;
using CrossCheck.Models;
using CrossCheck.Panel;

namespace CrossCheck.Tests.Costs;

public sealed class CostEstimatorTests
{
    [Fact]
    public void Estimate_CountsCharactersOverFourAndExpectedStageOutput()
    {
        var estimator = new CostEstimator(PriceTable.Default);
        var request = new ModelRequest("verify", new string('s', 400), new string('u', 3600), JsonSchema: new string('j', 3), MaxTokens: 2048);

        var estimate = estimator.Estimate(new PanelistSpec("anthropic", "claude-opus-4-6", "anthropic"), request);

        Assert.Equal(1001, estimate.InputTokens); // 4003 chars / 4, rounded up
        Assert.Equal(600, estimate.OutputTokens);
        Assert.Equal(((1001 * 5m) + (600 * 25m)) / 1_000_000m, estimate.Cost);
    }

    [Fact]
    public void OutputTokens_AreCappedByMaxTokens_AndUnknownStagesUseTheFallback()
    {
        var estimator = new CostEstimator(PriceTable.Default);

        Assert.Equal(100, estimator.OutputTokens(new ModelRequest("attack", "", "", MaxTokens: 100)));
        Assert.Equal(CostEstimator.FallbackOutputTokens, estimator.OutputTokens(new ModelRequest("summarise", "", "")));
    }

    [Fact]
    public void Estimate_WhenModelHasNoPrice_HasTokensButNullCost()
    {
        var estimate = new CostEstimator(PriceTable.Default).Estimate(new PanelistSpec("compat", "mystery", "local"), new ModelRequest("verify", "abcd", "efgh"));

        Assert.Equal(2, estimate.InputTokens);
        Assert.Null(estimate.Cost);
    }
}
