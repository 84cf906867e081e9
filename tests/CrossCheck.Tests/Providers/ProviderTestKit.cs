using Xunit;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Tests.Emulator;

namespace CrossCheck.Tests.Providers;

/// <summary>Wires a registry and a factory to an emulator; latency comes from a clock that advances 250 ms per reading.</summary>
internal static class ProviderTestKit
{
    public static readonly string Key = FakeKeys.Sk("test-emulator-key-9876");

    public static readonly ModelRequest Request = new(
        "verify",
        "You check claims against sources. Answer in JSON.",
        "Claim: the model scored 427x. Evidence: page 12 says 427×.",
        JsonSchema: """{"type":"object","properties":{"verdict":{"type":"string"}},"required":["verdict"]}""",
        Temperature: 0,
        MaxTokens: 300);

    public static ModelClientFactory Factory(ProviderEmulator emulator, Dictionary<string, string?>? extraEnv = null)
    {
        var env = new Dictionary<string, string?>(emulator.Environment(Key));
        foreach (var (k, v) in extraEnv ?? [])
        {
            env[k] = v;
        }

        return new ModelClientFactory(ProviderRegistry.Create(null, env), new SteppingTimeProvider(TimeSpan.FromMilliseconds(250)));
    }

    public static IModelClient Client(ProviderEmulator emulator, string provider, string model) =>
        Factory(emulator).Create(new PanelistSpec(provider, model, PanelParser.DefaultFamily(provider, model)));

    public static RecordedRequest Single(ProviderEmulator emulator) => Assert.Single(emulator.Requests);
}

/// <summary>Each timestamp read is one step later than the last, so a measured latency is exactly one step.</summary>
internal sealed class SteppingTimeProvider(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}
