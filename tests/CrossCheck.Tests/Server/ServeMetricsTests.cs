using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CrossCheck.Samples;
using CrossCheck.Server;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCheck.Tests.Server;

/// <summary>The server's metrics as an OpenTelemetry exporter would read them (a MeterListener on the CrossCheck.Server meter).</summary>
[Collection("serve")]
public sealed class ServeMetricsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Metrics_CountRunsClaimsAndProviderWaits()
    {
        await using var emulator = new ProviderEmulator(new PanelScript().Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var server = await ServerHarness.StartAsync(_temp.File("data"), emulator.Environment(), o => o.SharedRequestsPerSecond["anthropic"] = 1000);
        using var alice = server.Client(ServerHarness.AliceToken);
        // This server's meter only (its DI container's meter factory): servers of other tests in this process count on
        // meters of the same name.
        var factory = server.Services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ServeMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measured.AddOrUpdate(i.Name + Tag(tags), value, (_, v) => v + value));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measured.AddOrUpdate(i.Name + Tag(tags), 1, (_, v) => v + 1));
        listener.Start();

        var id = await ServeApi.SubmitAsync(alice, essay, source, new Dictionary<string, string> { ["panel"] = "anthropic:claude-opus-4-6", ["extract"] = "false" });
        var run = await ServeApi.WaitForAsync(alice, id, ServeApi.Finished);
        listener.RecordObservableInstruments();

        var checkedClaims = run.GetProperty("claims").EnumerateArray().Count(c => c.GetProperty("state").GetString() == "checked");
        Assert.Equal(1, measured.GetValueOrDefault("crosscheck.runs.submitted"));
        Assert.Equal(1, measured.GetValueOrDefault("crosscheck.runs.finished[status=succeeded]"));
        Assert.Equal(checkedClaims, measured.GetValueOrDefault("crosscheck.claims.checked"));
        Assert.Equal(emulator.Requests.Count, measured.GetValueOrDefault("crosscheck.provider.wait[provider=anthropic]"));
        Assert.True(measured.ContainsKey("crosscheck.queue.depth"));
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        tags.Length == 0 ? "" : "[" + string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")) + "]";
}
