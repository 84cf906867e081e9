using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Tests.Emulator;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace CrossCheck.Tests.Providers;

public sealed class ProviderRegistryTests
{
    private static ProviderRegistry Registry(Dictionary<string, string?> env, Dictionary<string, string?>? config = null) =>
        ProviderRegistry.Create(config is null ? null : new ConfigurationBuilder().AddInMemoryCollection(config).Build(), env);

    [Fact]
    public void Require_WhenKeyMissing_ThrowsNamingTheVariableToSet()
    {
        var registry = Registry(new() { ["ANTHROPIC_API_KEY"] = FakeKeys.Sk("ant-present-000000") });

        var e = Assert.Throws<ProviderConfigurationException>(() => registry.Require(new PanelistSpec("openai", "gpt-5.2-pro", "openai")));

        Assert.Equal("Panel member openai:gpt-5.2-pro: no API key for provider 'openai'; set the environment variable OPENAI_API_KEY.", e.Message);
    }

    [Fact]
    public void Require_WhenGeminiKeyMissing_NamesBothAcceptedVariables()
    {
        var e = Assert.Throws<ProviderConfigurationException>(() => Registry([]).Require(new PanelistSpec("google", "gemini-3-pro", "google")));

        Assert.Contains("set the environment variable GEMINI_API_KEY or GOOGLE_API_KEY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_WhenGoogleApiKeySet_AcceptsItForGemini()
    {
        var registry = Registry(new() { ["GOOGLE_API_KEY"] = "AIza-google-key-1234" });

        Assert.Equal(ProviderKind.Gemini, registry.Require(new PanelistSpec("google", "gemini-3-pro", "google")).Kind);
    }

    [Fact]
    public void Require_WhenAzureEndpointMissing_NamesEndpointVariable()
    {
        var e = Assert.Throws<ProviderConfigurationException>(() => Registry([]).Require(new PanelistSpec("azure", "dep", "openai")));

        Assert.Contains("AZURE_OPENAI_ENDPOINT", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenSeveralKeysMissing_ListsEveryVariable()
    {
        var panel = PanelParser.Parse("anthropic:claude-opus-4-6,openai:gpt-5.2-pro,ollama:llama3.2");

        var e = Assert.Throws<ProviderConfigurationException>(() => Registry([]).Validate(panel));

        Assert.Contains("ANTHROPIC_API_KEY", e.Message, StringComparison.Ordinal);
        Assert.Contains("OPENAI_API_KEY", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ollama", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenConfigurationHoldsApiKey_RefusesIt()
    {
        var e = Assert.Throws<ProviderConfigurationException>(() =>
            Registry([], new() { ["CrossCheck:Providers:openai:ApiKey"] = FakeKeys.Sk("should-not-be-here") }));

        Assert.Contains("ApiKeyEnv", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeKeys.Sk("should-not-be-here"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Providers_WhenEnvironmentHasKeys_DiscoversThemWithBaseUrlOverrides()
    {
        var registry = Registry(new()
        {
            ["OPENAI_API_KEY"] = FakeKeys.Sk("proj-abcdefghijklmnop1234"),
            ["CROSSCHECK_OPENAI_BASE_URL"] = "http://127.0.0.1:1/v1",
            ["XAI_API_KEY"] = FakeKeys.Xai("abcdefghijkl5678"),
            ["OLLAMA_HOST"] = "0.0.0.0:11500",
            ["CROSSCHECK_COMPAT_BASE_URL"] = "http://127.0.0.1:8000/v1",
        });

        Assert.Equal(["openai", "xai", "ollama", "compat"], registry.Providers.Select(p => p.Name));
        Assert.Equal("http://127.0.0.1:1/v1", registry.Get("openai").BaseUrl);
        Assert.Equal("http://localhost:11500", registry.Get("ollama").BaseUrl);
        Assert.Equal("https://api.x.ai/v1", registry.Get("grok").BaseUrl);
    }

    [Fact]
    public void Describe_WhenKeysSet_MasksAllButLastFourCharacters()
    {
        var registry = Registry(new()
        {
            ["OPENAI_API_KEY"] = FakeKeys.Sk("proj-abcdefghijklmnop1234"),
            ["ANTHROPIC_API_KEY"] = FakeKeys.Sk("ant-FAKE_secret_test_wxyz"),
            ["GEMINI_API_KEY"] = FakeKeys.Google("SyD-secret-gemini-9876"),
            ["OLLAMA_HOST"] = "127.0.0.1:11434",
        });

        var lines = registry.Describe();

        string all = string.Join("\n", lines);
        Assert.Equal(4, lines.Count);
        Assert.Contains("OPENAI_API_KEY=sk-…1234", all, StringComparison.Ordinal);
        Assert.Contains("ANTHROPIC_API_KEY=sk-…wxyz", all, StringComparison.Ordinal);
        Assert.Contains("GEMINI_API_KEY=…9876", all, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", all, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefgh", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_WhenNothingConfigured_SaysTheOfflineCheckerIsThePanel()
    {
        Assert.Contains("offline grounding checker", Assert.Single(Registry([]).Describe()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_WhenProvidersAnswerOrFail_ReportsEachWithoutThrowing()
    {
        await using var emulator = new ProviderEmulator(r => r.Provider == "xai" ? ScriptedReply.Fault(503) : ScriptedReply.Answer("pong", 5, 1));
        var env = new Dictionary<string, string?>(emulator.Environment(ProviderTestKit.Key)) { ["CROSSCHECK_COMPAT_DEFAULT_MODEL"] = "tiny" };
        var registry = ProviderRegistry.Create(null, env);

        var results = await registry.PingAsync(new ModelClientFactory(registry), CancellationToken.None);

        var byName = results.ToDictionary(r => r.Provider);
        Assert.Equal(7, results.Count);
        Assert.False(byName["xai"].Ok);
        Assert.False(byName["azure"].Ok); // no deployment to ping: it says which setting to add
        Assert.Contains("CROSSCHECK_AZURE_DEFAULT_MODEL", byName["azure"].Message, StringComparison.Ordinal);
        Assert.All(results.Where(r => r.Provider is not ("xai" or "azure")), r => Assert.True(r.Ok, r.Provider + ": " + r.Message));
        Assert.DoesNotContain(emulator.Requests, r => r.Body.Contains(ProviderTestKit.Key, StringComparison.Ordinal));
    }
}
