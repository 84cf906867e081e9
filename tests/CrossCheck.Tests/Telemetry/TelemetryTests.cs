using System.Diagnostics;
using System.Text.Json;
using CrossCheck.Tests.Emulator;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Running;
using CrossCheck.Runs;
using CrossCheck.Samples;
using CrossCheck.Telemetry;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CrossCheck.Tests.Telemetry;

/// <summary>
/// Spans and metrics of a panel run (emulator, scripted answers), caught with OpenTelemetry's in-memory exporter.
/// Listeners are process-wide and tests run in parallel, so everything is picked out by this run's trace and by a
/// model name no other test uses. The exporters keep adding other tests' spans while this one reads, so they write
/// into a locked collection and the test reads a snapshot of it.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private const string Model = "telemetry-test-model";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PanelRun_EmitsRunStepClaimStageAndGenAiModelCallSpans_AndTokenCostRetryAndWaitMetrics()
    {
        var caughtSpans = new Caught<Activity>();
        var caughtMetrics = new Caught<Metric>();
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(CrossCheckTelemetry.Name).AddInMemoryExporter(caughtSpans).Build();
        using var meter = Sdk.CreateMeterProviderBuilder().AddMeter(CrossCheckTelemetry.Name).AddInMemoryExporter(caughtMetrics).Build();
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        var first = 0;
        // The first request is rate limited once (Retry-After: 1 s), so a retry and a provider wait are recorded.
        await using var emulator = new ProviderEmulator(r => Interlocked.Increment(ref first) == 1 ? ScriptedReply.RateLimited(1) : script.Answer(r));

        var run = await RunAsync(emulator);
        tracer!.ForceFlush();
        meter!.ForceFlush();
        var spans = caughtSpans.Snapshot();
        var metrics = caughtMetrics.Snapshot();

        var root = Assert.Single(spans, s => s.OperationName == "crosscheck.run" && (string?)s.GetTagItem("crosscheck.run.id") == run.RunId);
        var trace = spans.Where(s => s.TraceId == root.TraceId).ToArray();
        var steps = trace.Where(s => s.OperationName.StartsWith("crosscheck.step ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["ingest", "preflight", "open", "index", "claims", "check", "panel", "report"], steps.Select(s => (string)s.GetTagItem("crosscheck.step")!));
        Assert.All(steps, s => Assert.Equal(root.SpanId, s.ParentSpanId));

        var claims = trace.Where(s => s.OperationName == "crosscheck.claim").ToArray();
        Assert.Equal(run.Outcomes.Count(o => o.Panel is not null), claims.Length);
        var stages = trace.Where(s => s.OperationName.StartsWith("crosscheck.stage ", StringComparison.Ordinal)).ToArray();
        Assert.All(stages, s => Assert.Contains(claims, c => c.SpanId == s.ParentSpanId));
        var calls = trace.Where(s => s.OperationName == $"chat {Model}").ToArray();
        Assert.All(calls, c =>
        {
            Assert.Equal(ActivityKind.Client, c.Kind);
            Assert.Equal("chat", c.GetTagItem("gen_ai.operation.name"));
            Assert.Equal("openai", c.GetTagItem("gen_ai.provider.name"));
            Assert.Equal(Model, c.GetTagItem("gen_ai.request.model"));
            Assert.True((int)c.GetTagItem("gen_ai.usage.input_tokens")! > 0);
            Assert.Contains(stages, s => s.SpanId == c.ParentSpanId);
        });
        var logged = File.ReadAllLines(Path.Combine(run.Folder, "provenance.jsonl")).Count(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString() == "model_call");
        Assert.Equal(logged, calls.Length);

        var total = run.Costs!.Total;
        Assert.Equal(total.InputTokens, Sum(metrics, "gen_ai.client.token.usage", ("gen_ai.request.model", Model), ("gen_ai.token.type", "input")));
        Assert.Equal(total.OutputTokens, Sum(metrics, "gen_ai.client.token.usage", ("gen_ai.request.model", Model), ("gen_ai.token.type", "output")));
        Assert.Equal((double)total.KnownCost, SumDouble(metrics, "crosscheck.model.cost", ("gen_ai.request.model", Model)), 6);
        Assert.True(total.KnownCost > 0);
        Assert.Equal(calls.Length, Sum(metrics, "gen_ai.client.operation.duration", ("gen_ai.request.model", Model)));
        Assert.True(SumDouble(metrics, "crosscheck.model.retries", ("gen_ai.provider.name", "openai"), ("http.response.status_code", 429)) >= 1);
        Assert.True(Sum(metrics, "crosscheck.model.rate_limit.wait", ("gen_ai.provider.name", "openai"), ("crosscheck.limit", "provider")) >= 1);
    }

    private async Task<RunResult> RunAsync(ProviderEmulator emulator)
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        await using var services = TestServices.Build(emulator.Environment(FakeKeys.Sk("emulated-test-key-0007")), configuration: new Dictionary<string, string?>
        {
            ["CrossCheck:Resilience:Default:RequestsPerMinute"] = "0",
            ["CrossCheck:Resilience:Default:TokensPerMinute"] = "0",
            [$"CrossCheck:Prices:openai:{Model}:InputPerMillion"] = "2",
            [$"CrossCheck:Prices:openai:{Model}:OutputPerMillion"] = "8",
        });
        var options = new RunOptions
        {
            EssayPath = essay,
            SourcePaths = [source],
            OutputRoot = _temp.File("runs"),
            Panel = PanelParser.Parse($"openai:{Model}", services.GetRequiredService<ProviderRegistry>()),
            PanelOptions = new PanelOptions { Extract = false },
            PromptsFolder = Path.Combine(AppContext.BaseDirectory, "prompts"),
        };
        return await services.GetRequiredService<CheckRunner>().RunAsync(options, null, CancellationToken.None);
    }

    /// <summary>The sum of a counter, or the count of a histogram, over the points whose tags include all of <paramref name="tags"/>.</summary>
    private static long Sum(IReadOnlyList<Metric> metrics, string name, params (string Key, object Value)[] tags) => (long)SumDouble(metrics, name, tags);

    private static double SumDouble(IReadOnlyList<Metric> metrics, string name, params (string Key, object Value)[] tags)
    {
        var total = 0.0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }
                if (!tags.All(t => pointTags.TryGetValue(t.Key, out var v) && Equals(v?.ToString(), t.Value.ToString())))
                {
                    continue;
                }
                total += metric.MetricType switch
                {
                    MetricType.LongSum => point.GetSumLong(),
                    MetricType.DoubleSum => point.GetSumDouble(),
                    MetricType.Histogram when name == "gen_ai.client.token.usage" => point.GetHistogramSum(),
                    MetricType.Histogram => point.GetHistogramCount(),
                    _ => 0,
                };
            }
        }
        return total;
    }

    /// <summary>A collection an exporter may add to from any thread while the test takes snapshots of it.</summary>
    private sealed class Caught<T> : ICollection<T>
    {
        private readonly List<T> _items = [];
        private readonly Lock _gate = new();

        public int Count { get { lock (_gate) { return _items.Count; } } }
        public bool IsReadOnly => false;
        public T[] Snapshot() { lock (_gate) { return [.. _items]; } }
        public void Add(T item) { lock (_gate) { _items.Add(item); } }
        public void Clear() { lock (_gate) { _items.Clear(); } }
        public bool Contains(T item) { lock (_gate) { return _items.Contains(item); } }
        public void CopyTo(T[] array, int arrayIndex) { lock (_gate) { _items.CopyTo(array, arrayIndex); } }
        public bool Remove(T item) { lock (_gate) { return _items.Remove(item); } }
        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
