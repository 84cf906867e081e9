using Xunit;
using System.Text.Json;
using CrossCheck.Panel.Providers;
using CrossCheck.Tests.Emulator;
using static CrossCheck.Tests.Providers.ProviderTestKit;

namespace CrossCheck.Tests.Providers;

/// <summary>Each transport runs its real SDK path against the emulator.</summary>
public sealed class TransportTests
{
    private static ScriptedReply Scripted(EmulatedRequest r) =>
        ScriptedReply.Answer($$"""{"verdict":"supported","via":"{{r.Provider}}/{{r.Format}}"}""", inputTokens: 123, outputTokens: 45);

    [Fact]
    public async Task Complete_WhenOpenAIChat_PostsChatCompletionsWithBearerAuth()
    {
        await using var emulator = new ProviderEmulator(Scripted);
        var answer = await Client(emulator, "openai", "gpt-4.1").CompleteAsync(Request, CancellationToken.None);

        var request = Single(emulator);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {Key}", request.Headers["Authorization"]);
        Assert.Equal("gpt-4.1", request.Parsed!.Model);
        var json = request.Parsed.Json;
        Assert.Equal(300, json.GetProperty("max_completion_tokens").GetInt32());
        Assert.Equal(0, json.GetProperty("temperature").GetDouble());
        Assert.Equal("json_schema", json.GetProperty("response_format").GetProperty("type").GetString());
        Assert.Equal("""{"verdict":"supported","via":"openai/OpenAIChat"}""", answer.Text);
        Assert.Equal((123, 45), (answer.InputTokens, answer.OutputTokens));
        Assert.Equal("gpt-4.1-2026-01-01", answer.ModelVersion);
        Assert.Equal(TimeSpan.FromMilliseconds(250), answer.Latency);
    }

    [Fact]
    public async Task Complete_WhenProModel_PostsResponsesApiWithBearerAuth()
    {
        await using var emulator = new ProviderEmulator(Scripted);
        var answer = await Client(emulator, "openai", "gpt-5.2-pro").CompleteAsync(Request, CancellationToken.None);

        var request = Single(emulator);
        Assert.Equal("/v1/responses", request.Path);
        Assert.Equal($"Bearer {Key}", request.Headers["Authorization"]);
        Assert.Equal("gpt-5.2-pro", request.Parsed!.Model);
        Assert.False(request.Parsed.Json.TryGetProperty("temperature", out _), "reasoning models reject temperature");
        Assert.Equal("""{"verdict":"supported","via":"openai/OpenAIResponses"}""", answer.Text);
        Assert.Equal((123, 45), (answer.InputTokens, answer.OutputTokens));
        Assert.Equal("gpt-5.2-pro-2026-01-01", answer.ModelVersion);
    }

    [Fact]
    public async Task Complete_WhenAnthropic_SendsMessagesFormatWithBearerAuth()
    {
        await using var emulator = new ProviderEmulator(Scripted);
        var answer = await Client(emulator, "anthropic", "claude-opus-4-6").CompleteAsync(Request, CancellationToken.None);

        var request = Single(emulator);
        Assert.Equal("/v1/messages", request.Path);
        string? auth = request.Headers.GetValueOrDefault("Authorization");
        string? xApiKey = request.Headers.GetValueOrDefault("x-api-key");
        Assert.True(auth == $"Bearer {Key}" || xApiKey == Key, $"auth={auth} x-api-key={xApiKey}");
        Assert.True(request.Headers.ContainsKey("anthropic-version"));
        Assert.Equal("claude-opus-4-6", request.Parsed!.Model);
        Assert.Equal(300, request.Parsed.Json.GetProperty("max_tokens").GetInt32());
        Assert.Equal(0, request.Parsed.Json.GetProperty("temperature").GetDouble());
        Assert.Equal("""{"verdict":"supported","via":"anthropic/AnthropicMessages"}""", answer.Text);
        Assert.Equal((123, 45), (answer.InputTokens, answer.OutputTokens));
        Assert.Equal("claude-opus-4-6-2026-01-01", answer.ModelVersion);
    }

    [Fact]
    public async Task Complete_WhenGemini_PostsOpenAIFormatUnderGeminiPrefix()
    {
        await using var emulator = new ProviderEmulator(Scripted);
        var answer = await Client(emulator, "google", "gemini-3-pro").CompleteAsync(Request, CancellationToken.None);

        var request = Single(emulator);
        Assert.Equal("/gemini/v1beta/openai/chat/completions", request.Path);
        Assert.Equal($"Bearer {Key}", request.Headers["Authorization"]);
        Assert.Equal("gemini-3-pro", request.Parsed!.Model);
        Assert.Equal("""{"verdict":"supported","via":"gemini/OpenAIChat"}""", answer.Text);
        Assert.Equal((123, 45), (answer.InputTokens, answer.OutputTokens));
    }

    [Fact]
    public async Task Complete_WhenXai_PostsOpenAIFormatUnderXaiPrefix()
    {
        await using var emulator = new ProviderEmulator(Scripted);
        var answer = await Client(emulator, "xai", "grok-4.1").CompleteAsync(Request, CancellationToken.None);

        var request = Single(emulator);
        Assert.Equal("/xai/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {Key}", request.Headers["Authorization"]);
        Assert.Equal("grok-4.1", request.Parsed!.Model);
        Assert.Equal("""{"verdict":"supported","via":"xai/OpenAIChat"}""", answer.Text);
        Assert.Equal((123, 45), (answer.InputTokens, answer.OutputTokens));
    }

    [Fact]
    public async Task Complete_WhenOllama_PostsApiChatWithoutAuth()
    {
        await using var emulator = new ProviderEmulator(Scripted);
        var answer = await Client(emulator, "ollama", "llama3.2:3b").CompleteAsync(Request, CancellationToken.None);

        var request = Single(emulator);
        Assert.Equal("/api/chat", request.Path);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal("llama3.2:3b", request.Parsed!.Model);
        Assert.Equal("""{"verdict":"supported","via":"ollama/OllamaChat"}""", answer.Text);
        Assert.Equal((123, 45), (answer.InputTokens, answer.OutputTokens));
    }

    [Fact]
    public async Task Complete_WhenCompatWithoutKey_PostsToConfiguredBaseUrl()
    {
        await using var emulator = new ProviderEmulator(Scripted);
        var answer = await Client(emulator, "compat", "qwen3-32b").CompleteAsync(Request, CancellationToken.None);

        var request = Single(emulator);
        Assert.Equal("/compat/v1/chat/completions", request.Path);
        Assert.Equal("qwen3-32b", request.Parsed!.Model);
        Assert.Equal("json_object", request.Parsed.Json.GetProperty("response_format").GetProperty("type").GetString());
        Assert.Equal("""{"verdict":"supported","via":"compat/OpenAIChat"}""", answer.Text);
        Assert.Equal((123, 45), (answer.InputTokens, answer.OutputTokens));
    }

    [Fact]
    public async Task Complete_WhenCompatWithKey_SendsBearerKey()
    {
        await using var emulator = new ProviderEmulator(Scripted);
        var factory = Factory(emulator, new() { ["CROSSCHECK_COMPAT_API_KEY"] = "local-server-key-1234" });
        await factory.Create(new("openai-compatible", "qwen3-32b", "qwen")).CompleteAsync(Request, CancellationToken.None);

        Assert.Equal("Bearer local-server-key-1234", Single(emulator).Headers["Authorization"]);
    }

    [Fact]
    public async Task Complete_WhenAzure_PostsV1ChatCompletionsWithApiKeyHeader()
    {
        await using var emulator = new ProviderEmulator(Scripted);
        var factory = Factory(emulator, new() { ["AZURE_OPENAI_API_VERSION"] = "preview" });
        var answer = await factory.Create(new("azure", "my-gpt-deployment", "openai")).CompleteAsync(Request, CancellationToken.None);

        var request = Single(emulator);
        Assert.Equal("/azure/openai/v1/chat/completions", request.Path);
        Assert.Equal("?api-version=preview", request.Query);
        Assert.Equal(Key, request.Headers["api-key"]);
        Assert.Equal("my-gpt-deployment", request.Parsed!.Model);
        Assert.Equal("""{"verdict":"supported","via":"azure/OpenAIChat"}""", answer.Text);
        Assert.Equal((123, 45), (answer.InputTokens, answer.OutputTokens));
    }
}

/// <summary>Issue 9: the Anthropic SDK's own clock must not cut calls.</summary>
public sealed class AnthropicTimeoutTests
{
    [Fact]
    public async Task Complete_SendsOurLongSdkTimeout_InsteadOfTheSdksDerivedOne()
    {
        // On its own the SDK derives max(30 s, 0.03 s x max_tokens) and sends it as x-stainless-timeout (measured in
        // Panel/AnthropicClockTests, which also runs answers slower than a queued call's derived budget). Ours sends
        // AnthropicSdkTimeout (24 h), so only CrossCheck's attempt and total timeouts can cut a call.
        await using var emulator = new ProviderEmulator(_ => ScriptedReply.Answer("""{"verdict":"supported"}"""));
        var request = ProviderTestKit.Request with { MaxTokens = 64 };

        var answer = await ProviderTestKit.Client(emulator, "anthropic", "claude-opus-4-6").CompleteAsync(request, CancellationToken.None);

        Assert.Equal("""{"verdict":"supported"}""", answer.Text);
        var sent = ProviderTestKit.Single(emulator);
        var timeout = sent.Headers.FirstOrDefault(h => h.Key.Equals("x-stainless-timeout", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.True(timeout is not null && double.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) >= ModelClientFactory.AnthropicSdkTimeout.TotalSeconds, $"x-stainless-timeout: {timeout}");
    }
}
