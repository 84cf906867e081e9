using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CrossCheck.Tests.Providers;

public sealed class PanelParserTests
{
    [Fact]
    public void Parse_WhenFourFrontierModels_ReturnsPanelistsWithFamilies()
    {
        var panel = PanelParser.Parse("anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1");

        Assert.Equal(
            [
                new PanelistSpec("anthropic", "claude-opus-4-6", "anthropic"),
                new PanelistSpec("openai", "gpt-5.2-pro", "openai"),
                new PanelistSpec("google", "gemini-3-pro", "google"),
                new PanelistSpec("xai", "grok-4.1", "xai"),
            ],
            panel);
    }

    [Fact]
    public void Parse_WhenOllamaTagAndCompatAndExplicitFamily_SplitsOnFirstColonAndInfersFamily()
    {
        var panel = PanelParser.Parse(" ollama:llama3.2:3b , compat:meta-llama/Llama-3.1-70B, openai-compatible:mystery-7b, compat:my-model@acme, azure:prod-gpt ");

        Assert.Equal(
            [
                new PanelistSpec("ollama", "llama3.2:3b", "local"),
                new PanelistSpec("compat", "meta-llama/Llama-3.1-70B", "meta"),
                new PanelistSpec("openai-compatible", "mystery-7b", "compat"),
                new PanelistSpec("compat", "my-model", "acme"),
                new PanelistSpec("azure", "prod-gpt", "openai"),
            ],
            panel);
    }

    [Fact]
    public void Parse_WhenProviderConfiguredWithFamily_UsesConfiguredFamily()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CrossCheck:Providers:openrouter:Kind"] = "compat",
            ["CrossCheck:Providers:openrouter:BaseUrl"] = "http://127.0.0.1:9/api/v1",
            ["CrossCheck:Providers:openrouter:ApiKeyEnv"] = "OPENROUTER_API_KEY",
            ["CrossCheck:Providers:openrouter:Family"] = "Router",
        }).Build();
        var registry = ProviderRegistry.Create(config, new Dictionary<string, string?>());

        var panel = PanelParser.Parse("openrouter:anthropic/claude-sonnet-4", registry);

        Assert.Equal(new PanelistSpec("openrouter", "anthropic/claude-sonnet-4", "router"), Assert.Single(panel));
    }

    [Theory]
    [InlineData("gpt-5", "must be written provider:model")]
    [InlineData("openai:", "must be written provider:model")]
    [InlineData("mistral:large", "unknown provider 'mistral'")]
    [InlineData("openai:gpt-5,openai:gpt-5", "appears twice")]
    [InlineData(" , ", "The panel is empty")]
    public void Parse_WhenMalformed_ThrowsOneLineUserMessage(string text, string expected)
    {
        var e = Assert.Throws<ProviderConfigurationException>(() => PanelParser.Parse(text));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
