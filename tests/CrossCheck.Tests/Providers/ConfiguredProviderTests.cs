using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Tests.Emulator;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CrossCheck.Tests.Providers;

public sealed class ConfiguredProviderTests
{
    [Fact]
    public async Task Complete_WhenCustomProviderConfigured_UsesItsBaseUrlKeyVariableAndResponsesModels()
    {
        await using var emulator = new ProviderEmulator();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CrossCheck:Providers:router:Kind"] = "openai-compatible",
            ["CrossCheck:Providers:router:BaseUrl"] = emulator.Root + "/router/v1",
            ["CrossCheck:Providers:router:ApiKeyEnv"] = "ROUTER_TOKEN",
            ["CrossCheck:Providers:router:ResponsesModels:0"] = "deep-thinker",
            ["CrossCheck:Providers:router:JsonMode"] = "Schema",
        }).Build();
        var registry = ProviderRegistry.Create(config, new Dictionary<string, string?> { ["ROUTER_TOKEN"] = "router-token-abcd1234" });
        var factory = new ModelClientFactory(registry);

        var panel = PanelParser.Parse("router:fast-model,router:deep-thinker", registry);
        foreach (var panelist in panel)
        {
            await factory.Create(panelist).CompleteAsync(ProviderTestKit.Request, CancellationToken.None);
        }

        Assert.Collection(
            emulator.Requests,
            r => Assert.Equal(("/router/v1/chat/completions", "json_schema"), (r.Path, r.Parsed!.Json.GetProperty("response_format").GetProperty("type").GetString())),
            r => Assert.Equal("/router/v1/responses", r.Path));
        Assert.All(emulator.Requests, r => Assert.Equal("Bearer router-token-abcd1234", r.Headers["Authorization"]));
    }

    [Fact]
    public void Require_WhenCustomProviderKeyMissing_NamesItsConfiguredVariable()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CrossCheck:Providers:router:BaseUrl"] = "http://127.0.0.1:9/v1",
            ["CrossCheck:Providers:router:ApiKeyEnv"] = "ROUTER_TOKEN",
            ["CrossCheck:Providers:router:KeyRequired"] = "true",
        }).Build();
        var registry = ProviderRegistry.Create(config, new Dictionary<string, string?>());

        var e = Assert.Throws<ProviderConfigurationException>(() => registry.Require(new PanelistSpec("router", "m", "compat")));

        Assert.Contains("set the environment variable ROUTER_TOKEN", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai", "gpt-5.2-pro", true)]
    [InlineData("openai", "o3-pro", true)]
    [InlineData("openai", "gpt-5.2", false)]
    [InlineData("openai", "gpt-4.1", false)]
    [InlineData("gemini", "gemini-3-pro", false)]
    [InlineData("compat", "google/gemini-2.5-pro", false)]
    public void UsesResponsesApi_WhenModelNamed_RoutesOnlyOpenAIProFamily(string provider, string model, bool expected)
    {
        var registry = ProviderRegistry.Create(null, new Dictionary<string, string?>());

        Assert.Equal(expected, ModelClientFactory.UsesResponsesApi(registry.Get(provider), model));
    }
}
