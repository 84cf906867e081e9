using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Panel;

/// <summary><c>crosscheck providers [--ping]</c> through the real program.</summary>
public sealed class ProvidersCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Providers_ListsWhatIsConfiguredWithKeysMaskedAndPingTriesEach()
    {
        await using var emulator = new ProviderEmulator(new PanelScript().Answer);
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-secret-key-123456789"));

        var list = CliRunner.Run(_temp.Path, env, "providers");
        var ping = CliRunner.Run(_temp.Path, env, "providers", "--ping");

        Assert.Equal(0, list.ExitCode);
        Assert.DoesNotContain(FakeKeys.Sk("emulated-secret-key-123456789"), list.StdOut + ping.StdOut, StringComparison.Ordinal);
        Assert.Contains("6789", list.StdOut, StringComparison.Ordinal);
        foreach (var provider in new[] { "openai", "anthropic", "gemini", "xai", "ollama" })
        {
            Assert.Contains(provider, list.StdOut, StringComparison.Ordinal);
        }
        Assert.True(ping.ExitCode is 0 or 4, ping.StdErr);
        Assert.Contains(" ok ", ping.StdOut, StringComparison.Ordinal);
        Assert.NotEmpty(emulator.Requests);
    }

    [Fact]
    public void Providers_WithNoKeys_SaysTheOfflineCheckerIsThePanel()
    {
        var env = new[] { "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "XAI_API_KEY", "OLLAMA_HOST", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "CROSSCHECK_COMPAT_BASE_URL" }
            .ToDictionary(k => k, _ => "");

        var list = CliRunner.Run(_temp.Path, env, "providers");

        Assert.Equal(0, list.ExitCode);
        Assert.Contains("offline grounding checker", list.StdOut, StringComparison.Ordinal);
    }
}
