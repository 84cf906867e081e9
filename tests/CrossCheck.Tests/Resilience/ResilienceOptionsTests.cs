using CrossCheck.Models;
using CrossCheck.Panel.Providers;
using CrossCheck.Resilience;
using CrossCheck.Tests.Emulator;
using Microsoft.Extensions.Configuration;
using static CrossCheck.Tests.Providers.ProviderTestKit;

namespace CrossCheck.Tests.Resilience;

public sealed class ResilienceOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_ForEveryBuiltInProvider_AreValid()
    {
        foreach (string provider in ProviderNames.BuiltIn.Append("my-custom-server"))
        {
            ProviderResilienceOptions.Defaults(provider).Validate(provider);
        }

        Assert.Equal(1, ProviderResilienceOptions.Defaults("ollama").MaxConcurrentRequests);
        Assert.Equal(0, ProviderResilienceOptions.Defaults("ollama").RequestsPerMinute);
        Assert.Equal(50, ProviderResilienceOptions.Defaults("anthropic").RequestsPerMinute);
    }

    [Fact]
    public void FromConfiguration_LaysDefaultSectionThenProviderSectionOverBuiltIns()
    {
        var config = Config(
            ("CrossCheck:Resilience:Default:MaxRetryAttempts", "6"),
            ("CrossCheck:Resilience:Default:AttemptTimeout", "2m"),
            ("CrossCheck:Resilience:google:RequestsPerMinute", "1000"),
            ("CrossCheck:Resilience:google:BreakerBreakDuration", "00:01:00"),
            ("CrossCheck:Resilience:google:RetryUseJitter", "false"));

        var gemini = ProviderResilienceOptions.FromConfiguration(config, "gemini");
        var openai = ProviderResilienceOptions.FromConfiguration(config, "openai");

        Assert.Equal(6, gemini.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMinutes(2), gemini.AttemptTimeout);
        Assert.Equal(1000, gemini.RequestsPerMinute);
        Assert.Equal(TimeSpan.FromMinutes(1), gemini.BreakerBreakDuration);
        Assert.False(gemini.RetryUseJitter);
        Assert.Equal(6, openai.MaxRetryAttempts);
        Assert.Equal(ProviderResilienceOptions.Defaults("openai").RequestsPerMinute, openai.RequestsPerMinute);
    }

    [Theory]
    [InlineData("MaxConcurrentRequests", "0", "CrossCheck:Resilience:openai:MaxConcurrentRequests must be between 1 and 1000")]
    [InlineData("MaxConcurrentRequests", "many", "CrossCheck:Resilience:openai:MaxConcurrentRequests is 'many': use a whole number")]
    [InlineData("BreakerFailureRatio", "1.5", "BreakerFailureRatio must be more than 0 and at most 1")]
    [InlineData("AttemptTimeout", "5 parsecs", "AttemptTimeout is '5 parsecs': use a duration")]
    [InlineData("TotalTimeout", "1s", "TotalTimeout must be at least AttemptTimeout")]
    public void FromConfiguration_WhenValueIsBad_ThrowsNamingTheKey(string key, string value, string expected)
    {
        var e = Assert.Throws<ProviderConfigurationException>(() =>
            ProviderResilienceOptions.FromConfiguration(Config(($"CrossCheck:Resilience:openai:{key}", value)), "openai"));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientFactory_ReturnsAFreshClientPerCall_SoOllamaCanSetItsBaseAddressEachTime()
    {
        await using var kit = new ResilienceTestKit(_ => ScriptedReply.Answer("ok"));

        using var a = kit.Clients.CreateClient("ollama");
        using var b = kit.Clients.CreateClient("ollama");
        Assert.NotSame(a, b);
        Assert.Equal(Timeout.InfiniteTimeSpan, a.Timeout);

        Assert.Equal("ok", (await kit.Client("ollama", "llama3.2").CompleteAsync(Request, CancellationToken.None)).Text);
        Assert.Equal("ok", (await kit.Client("ollama", "qwen3").CompleteAsync(Request, CancellationToken.None)).Text);
        Assert.Equal(2, kit.Emulator.Requests.Count);
    }

    [Fact]
    public void IsProviderDown_WhenProviderNeverCalled_IsFalse()
    {
        using var clients = ProviderHttpClients.FromConfiguration(null);
        Assert.False(clients.IsProviderDown("anthropic"));
        Assert.Equal(ProviderResilienceOptions.Defaults("anthropic"), clients.OptionsFor("Anthropic"));
    }

    [Fact]
    public void ResilienceEvent_KindNames_AreSnakeCase() =>
        Assert.Equal(
            ["attempt", "retry_wait", "breaker_opened", "breaker_closed", "half_open", "timeout", "rate_limited", "provider_down"],
            Enum.GetValues<ResilienceEventKind>().Select(k => new ResilienceEvent("p", k, 0, null, null).KindName));
}
