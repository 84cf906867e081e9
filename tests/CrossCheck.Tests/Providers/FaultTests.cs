using CrossCheck.Panel.Providers;
using CrossCheck.Tests.Emulator;
using Microsoft.Extensions.AI;
using OllamaSharp;
using Xunit;
using static CrossCheck.Tests.Providers.ProviderTestKit;

namespace CrossCheck.Tests.Providers;

/// <summary>
/// The emulator's faults reach the caller as one <see cref="ModelCallException"/> after exactly one request:
/// the SDKs' own retries are off, so the Polly pipeline of the next issue is the only one.
/// </summary>
public sealed class FaultTests
{
    public static TheoryData<string, string> Transports => new()
    {
        { "openai", "gpt-4.1" },
        { "openai", "gpt-5.2-pro" },
        { "anthropic", "claude-opus-4-6" },
        { "ollama", "llama3.2" },
        { "azure", "deployment" },
    };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Complete_WhenRateLimited_ThrowsTransient429AfterOneRequest(string provider, string model)
    {
        await using var emulator = new ProviderEmulator(_ => ScriptedReply.RateLimited(retryAfterSeconds: 1));

        var e = await Assert.ThrowsAsync<ModelCallException>(() => Client(emulator, provider, model).CompleteAsync(Request, CancellationToken.None));

        Assert.Equal(429, e.StatusCode);
        Assert.True(e.IsTransient);
        Assert.Equal($"{provider}:{model}", e.Panelist.Id);
        Assert.Single(emulator.Requests);
    }

    [Fact]
    public async Task Complete_WhenAnthropicOverloaded_Throws529()
    {
        await using var emulator = new ProviderEmulator(_ => ScriptedReply.Overloaded());

        var e = await Assert.ThrowsAsync<ModelCallException>(() => Client(emulator, "anthropic", "claude-opus-4-6").CompleteAsync(Request, CancellationToken.None));

        Assert.Equal(529, e.StatusCode);
        Assert.Single(emulator.Requests);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Complete_WhenConnectionDroppedOrBodyTruncated_ThrowsTransientWithoutStatus(string provider, string model)
    {
        int n = 0;
        await using var emulator = new ProviderEmulator(_ => Interlocked.Increment(ref n) == 1 ? ScriptedReply.Dropped() : ScriptedReply.Truncated());
        var client = Client(emulator, provider, model);

        var dropped = await Assert.ThrowsAsync<ModelCallException>(() => client.CompleteAsync(Request, CancellationToken.None));
        var truncated = await Assert.ThrowsAsync<ModelCallException>(() => client.CompleteAsync(Request, CancellationToken.None));

        Assert.Null(dropped.StatusCode);
        Assert.True(dropped.IsTransient);
        Assert.Null(truncated.StatusCode);
        Assert.True(truncated.IsTransient);
        Assert.Equal(2, emulator.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Complete_WhenBodyIsMalformedJson_ThrowsModelCallException(string provider, string model)
    {
        await using var emulator = new ProviderEmulator(_ => ScriptedReply.Malformed());

        var e = await Assert.ThrowsAsync<ModelCallException>(() => Client(emulator, provider, model).CompleteAsync(Request, CancellationToken.None));

        Assert.Null(e.StatusCode);
        Assert.Contains("unreadable response", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task Complete_WhenCancelledDuringDelayedReply_ThrowsOperationCanceled()
    {
        await using var emulator = new ProviderEmulator(_ => new ScriptedReply().After(TimeSpan.FromSeconds(30)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(emulator, "openai", "gpt-4.1").CompleteAsync(Request, cts.Token));
    }

    [Fact]
    public async Task Emulator_WhenOllamaStreams_SendsNdjsonChunksThatOllamaSharpReassembles()
    {
        await using var emulator = new ProviderEmulator(_ => ScriptedReply.Answer("streamed answer text", 11, 3));
        IChatClient client = new OllamaApiClient(new Uri(emulator.OllamaHost), "llama3.2");

        var updates = await client.GetStreamingResponseAsync("hello").ToListAsync();
        var response = updates.ToChatResponse();

        Assert.True(Single(emulator).Parsed!.Stream);
        Assert.Equal("streamed answer text", response.Text);
        Assert.Equal(11, response.Usage?.InputTokenCount);
        Assert.Equal(3, response.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task Emulator_WhenPathUnknown_Answers404AndRecordsIt()
    {
        await using var emulator = new ProviderEmulator();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(emulator.Root + "/nowhere"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/nowhere", Single(emulator).Path);
    }

    [Fact]
    public async Task Emulator_WhenRateLimitScripted_SendsRetryAfterHeader()
    {
        await using var emulator = new ProviderEmulator(_ => ScriptedReply.RateLimited(retryAfterSeconds: 2));
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(emulator.OpenAIBaseUrl + "/chat/completions"), new StringContent("""{"model":"m","messages":[]}"""));

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData("openai", "gpt-4.1", "")]
    [InlineData("anthropic", "claude-opus-4-6", "I can't help with that.")]
    public async Task Complete_WhenModelRefuses_ReturnsWithoutThrowing(string provider, string model, string expectedText)
    {
        await using var emulator = new ProviderEmulator(_ => ScriptedReply.Refused());

        var answer = await Client(emulator, provider, model).CompleteAsync(Request, CancellationToken.None);

        Assert.Equal(expectedText, answer.Text);
    }
}
