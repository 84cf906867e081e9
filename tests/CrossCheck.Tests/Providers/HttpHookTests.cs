using System.Collections.Concurrent;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Tests.Emulator;
using Xunit;

namespace CrossCheck.Tests.Providers;

/// <summary>Every transport's traffic goes through the per-provider handler hook, where a Polly pipeline will sit.</summary>
public sealed class HttpHookTests
{
    [Fact]
    public async Task Create_WhenHandlerHookGiven_RoutesEveryTransportThroughIt()
    {
        await using var emulator = new ProviderEmulator();
        var seen = new ConcurrentBag<(string Provider, string Path)>();
        var registry = ProviderRegistry.Create(null, emulator.Environment(ProviderTestKit.Key));
        var factory = new ModelClientFactory(registry, httpClientFor: ModelClientFactory.FromHandlers(
            provider => new RecordingHandler(provider, seen) { InnerHandler = new SocketsHttpHandler() }));
        var panel = PanelParser.Parse(
            "openai:gpt-4.1,openai:gpt-5.2-pro,anthropic:claude-opus-4-6,google:gemini-3-pro,xai:grok-4.1,ollama:llama3.2,azure:dep,compat:qwen3", registry);

        foreach (var panelist in panel)
        {
            await factory.Create(panelist).CompleteAsync(ProviderTestKit.Request, CancellationToken.None);
        }

        Assert.Equal(
            [
                ("anthropic", "/v1/messages"),
                ("azure", "/azure/openai/v1/chat/completions"),
                ("compat", "/compat/v1/chat/completions"),
                ("gemini", "/gemini/v1beta/openai/chat/completions"),
                ("ollama", "/api/chat"),
                ("openai", "/v1/chat/completions"),
                ("openai", "/v1/responses"),
                ("xai", "/xai/v1/chat/completions"),
            ],
            seen.OrderBy(s => s.Provider, StringComparer.Ordinal).ThenBy(s => s.Path, StringComparer.Ordinal));
    }

    private sealed class RecordingHandler(string provider, ConcurrentBag<(string, string)> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add((provider, request.RequestUri!.AbsolutePath));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
