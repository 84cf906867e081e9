using System.Globalization;
using System.Text.Json;
using Anthropic;
using CrossCheck.Panel.Prompts;
using CrossCheck.Panel.Providers;
using CrossCheck.Resilience;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Support;
using Microsoft.Extensions.AI;

namespace CrossCheck.Tests.Panel;

/// <summary>
/// Issue 9: Anthropic calls must not die on the SDK's own clock, which the SDK derives from max_tokens (measured with SDK
/// 13.14: the larger of 30 s and 0.03 s per max_tokens token) and starts before our queues. (1) For every stage's
/// max_tokens, the request our client sends carries an <c>x-stainless-timeout</c> of 24 hours, no shorter than our total
/// timeout, where the bare SDK sends its derived one. (2) A whole run with slow answers and calls queued behind a
/// one-request limit loses no call and sends only that header. A test with answers slower than the derived timeout
/// would take over 30 s (its minimum), more than a suite test may: the unscaled 15 s and 110 s runs, ours against the
/// bare SDK, are `CrossCheck.Bench anthropic-latency` in docs/benchmarks.md §4. Emulated provider; the scripted answers
/// are test fixtures.
/// </summary>
public sealed class AnthropicClockTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static double SentTimeout(RecordedRequest request) =>
        double.Parse(request.Headers.First(h => h.Key.Equals("x-stainless-timeout", StringComparison.OrdinalIgnoreCase)).Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task EveryStagesRequest_CarriesNoSdkTimeoutShorterThanOurTotalTimeout_WhereTheBareSdkWouldSendItsDerivedOne()
    {
        await using var emulator = new ProviderEmulator(_ => ScriptedReply.Answer("""{"verdict":"supported"}"""));
        var ours = ProviderResilienceOptions.Defaults("anthropic");
        var stages = PromptLibrary.Load().All.Select(t => (t.Name, t.MaxTokens)).Append(("preflight", 1)).ToArray();
        using var bare = new AnthropicClient { ApiKey = FakeKeys.Sk("emulated-test-key-0093"), BaseUrl = emulator.AnthropicBaseUrl, MaxRetries = 0 };
        var bareChat = bare.AsIChatClient("claude-opus-4-6", 1024);
        var client = Providers.ProviderTestKit.Client(emulator, "anthropic", "claude-opus-4-6");

        foreach (var (stage, maxTokens) in stages)
        {
            var before = emulator.Requests.Count;
            await client.CompleteAsync(Providers.ProviderTestKit.Request with { MaxTokens = maxTokens }, CancellationToken.None);
            await bareChat.GetResponseAsync([new ChatMessage(ChatRole.User, "ok?")], new ChatOptions { MaxOutputTokens = maxTokens });
            var sent = emulator.Requests.Skip(before).ToArray();
            Assert.Equal(2, sent.Length);
            var (ourHeader, bareHeader) = (SentTimeout(sent[0]), SentTimeout(sent[1]));

            Assert.True(ourHeader >= ours.TotalTimeout.TotalSeconds, $"{stage} (max_tokens {maxTokens}): x-stainless-timeout {ourHeader} s is shorter than our total timeout {ours.TotalTimeout.TotalSeconds} s");
            Assert.Equal(ModelClientFactory.AnthropicSdkTimeout.TotalSeconds, ourHeader);
            // Left alone, the SDK derives a clock of its own from max_tokens (the README's rule), shorter than our attempt
            // timeout: the test would see it if our setting stopped reaching the SDK.
            Assert.True(Math.Abs(bareHeader - Math.Max(30, 0.03 * maxTokens)) <= 1, $"{stage} (max_tokens {maxTokens}): the bare SDK sent {bareHeader} s");
            Assert.True(bareHeader < ours.AttemptTimeout.TotalSeconds, $"{stage} (max_tokens {maxTokens}): the bare SDK sent {bareHeader} s, no shorter than our attempt timeout");
        }
    }

    [Fact]
    public async Task Run_WhenAnthropicAnswersSlowlyAndCallsWaitInOurQueue_LosesNoCallAndSendsOnlyOurClock()
    {
        // Answers take 100 ms and one request goes at a time, so the second claim's calls also wait in our queue: time the
        // SDK's own clock would have counted. (Any delay shows it; the header assertions below are what would fail.)
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(r => script.Answer(r).After(TimeSpan.FromMilliseconds(100)));
        var env = PanelScript.Env(emulator, FakeKeys.Sk("emulated-test-key-0094"));
        env["CrossCheck__Resilience__Default__MaxConcurrentRequests"] = "1";
        env["CrossCheck__Resilience__Default__MaxRetryAttempts"] = "0";
        var (_, source) = SampleGenerator.Write(_temp.File("sample"));
        var essay = _temp.File("essay.md");
        File.WriteAllText(essay, "Meridian Labs published the Halcyon-3 system card in March 2026.\n\nOn coding, Halcyon-3 resolved 71.4% of tasks on the internal repository-repair benchmark.\n");

        var run = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--run-id", "slow", "--panel", "anthropic:claude-opus-4-6", "--no-extract", "--quiet");

        Assert.True(run.ExitCode == 0, run.StdErr);
        var calls = File.ReadAllLines(Path.Combine(_temp.Path, "runs", "slow", "provenance.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("type").GetString() == "model_call").Select(r => r.GetProperty("data")).ToArray();
        Assert.Equal(8, calls.Length);
        Assert.All(calls, c => Assert.False(c.TryGetProperty("error", out var e), $"{c.GetProperty("stage")} failed: {e}"));
        // The emulator's 100 ms is a Task.Delay, which counts the system's whole-millisecond tick: by our high-resolution
        // clock it can end up to 1 ms early (a full suite run once recorded 99.76 ms), never more.
        Assert.All(calls, c => Assert.True(c.GetProperty("latency_ms").GetDouble() >= 99, $"{c.GetProperty("latency_ms")} ms: the answer cannot have come sooner than the emulator gave it"));
        // Every call reached the provider once: no timeout, no retry.
        Assert.Equal(8, emulator.Requests.Count);
        Assert.All(emulator.Requests, r => Assert.Equal(ModelClientFactory.AnthropicSdkTimeout.TotalSeconds, SentTimeout(r)));
    }
}
