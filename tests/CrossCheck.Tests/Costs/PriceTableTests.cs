using CrossCheck.Costs;
using CrossCheck.Models;
using CrossCheck.Panel.Providers;
using Microsoft.Extensions.Configuration;

namespace CrossCheck.Tests.Costs;

public sealed class PriceTableTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Cost_AddsInputCachedInputAndOutputPerMillion()
    {
        var price = new ModelPrice(5m, 25m, 0.5m);

        Assert.Equal(30m, price.Cost(1_000_000, 1_000_000));
        Assert.Equal(0.0100m + 0.0025m, price.Cost(2_000, 100)); // 2000 × $5/M + 100 × $25/M
        Assert.Equal(2.75m, price.Cost(1_000_000, 0, cachedInputTokens: 500_000));
        Assert.Equal(5m, new ModelPrice(5m, 25m).Cost(1_000_000, 0, cachedInputTokens: 500_000));
    }

    [Theory]
    [InlineData("anthropic", "claude-opus-4-6")]
    [InlineData("openai", "gpt-5.2-pro")]
    [InlineData("google", "gemini-3-pro")]
    [InlineData("gemini", "gemini-3-pro")]
    [InlineData("xai", "grok-4.1")]
    public void Default_PricesTheSeedPanel(string provider, string model)
    {
        Assert.NotNull(PriceTable.Default.Find(provider, model));
        Assert.True(PriceTable.Default.Cost(provider, model, 1000, 1000) > 0);
    }

    [Fact]
    public void Cost_WhenModelUnknown_IsNullNotZero()
    {
        Assert.Null(PriceTable.Default.Cost("openai", "gpt-9-imaginary", 1000, 1000));
        Assert.Null(PriceTable.Default.Cost("anthropic", "claude-opus-4-6-typo", 1000, 1000));
        Assert.Equal(0m, PriceTable.Default.Cost("ollama", "llama3.2", 1000, 1000));
    }

    [Fact]
    public void FromConfiguration_OverridesAndAddsByProviderModelOrModel()
    {
        var table = PriceTable.FromConfiguration(Config(
            ("CrossCheck:Prices:anthropic:claude-opus-4-6:InputPerMillion", "4"),
            ("CrossCheck:Prices:anthropic:claude-opus-4-6:OutputPerMillion", "20"),
            ("CrossCheck:Prices:qwen3:InputPerMillion", "0.1"),
            ("CrossCheck:Prices:qwen3:OutputPerMillion", "0.3"),
            ("CrossCheck:Prices:google:gemini-2.5-flash:InputPerMillion", "0.3"),
            ("CrossCheck:Prices:google:gemini-2.5-flash:OutputPerMillion", "2.5"),
            ("CrossCheck:Prices:google:gemini-2.5-flash:CachedInputPerMillion", "0.03")));

        Assert.Equal(new ModelPrice(4m, 20m), table.Find("anthropic", "claude-opus-4-6"));
        Assert.Equal(new ModelPrice(0.1m, 0.3m), table.Find("compat", "qwen3"));
        Assert.Equal(new ModelPrice(0.3m, 2.5m, 0.03m), table.Find("gemini", "gemini-2.5-flash"));
        Assert.NotNull(table.Find("xai", "grok-4.1"));
    }

    [Theory]
    [InlineData("InputPerMillion", "cheap", "CrossCheck:Prices:m:InputPerMillion is 'cheap'")]
    [InlineData("InputPerMillion", "-1", "is '-1'")]
    [InlineData("CachedInputPerMillion", "1", "has no InputPerMillion")]
    public void FromConfiguration_WhenPriceIsBad_ThrowsNamingTheKey(string key, string value, string expected)
    {
        var values = new List<(string, string)> { ($"CrossCheck:Prices:m:{key}", value) };
        if (key != "CachedInputPerMillion")
        {
            values.Add(("CrossCheck:Prices:m:OutputPerMillion", "1"));
        }

        var e = Assert.Throws<ProviderConfigurationException>(() => PriceTable.FromConfiguration(Config([.. values])));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
