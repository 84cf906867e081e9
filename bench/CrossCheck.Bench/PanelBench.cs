using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrossCheck.Claims;
using CrossCheck.Costs;
using CrossCheck.Hosting;
using CrossCheck.Panel;
using CrossCheck.Panel.Providers;
using CrossCheck.Resilience;
using CrossCheck.Running;
using CrossCheck.Runs;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCheck.Bench;

/// <summary>
/// The panel under provider limits, with emulated providers on 127.0.0.1. The answers are scripted
/// benchmark fixtures (a fixed "supported" with one citation), never model output.
/// </summary>
internal static class PanelBench
{
    private const string Seed = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1";
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>
    /// Wall time of the panel stage for N claims, four providers each answering in L ms and allowing C
    /// requests at once, against the lower bound those limits set.
    /// </summary>
    public static async Task<int> ThroughputAsync(string[] args)
    {
        var claims = IntArg(args, "--claims", 50);
        var latencyMs = IntArg(args, "--latency-ms", 800);
        var concurrency = IntArg(args, "--concurrency", 8);
        var folder = Directory.CreateTempSubdirectory("crosscheck-bench-").FullName;
        try
        {
            var (_, source) = SampleGenerator.Write(folder);
            var essay = Path.Combine(folder, "many-claims.md");
            File.WriteAllLines(essay, Enumerable.Range(1, claims).Select(i =>
                $"In capture-the-flag exercise number {i} the model solved 31% of the professional-level challenges.\n"));

            var inFlight = new ConcurrentDictionary<string, int>();
            var peak = new ConcurrentDictionary<string, int>();
            await using var emulator = new ProviderEmulator(r =>
            {
                // The emulator's answer is delayed by L ms after this call; count a request as in flight for that long.
                var now = inFlight.AddOrUpdate(r.Provider, 1, (_, n) => n + 1);
                peak.AddOrUpdate(r.Provider, now, (_, p) => Math.Max(p, now));
                _ = Task.Delay(latencyMs).ContinueWith(_ => inFlight.AddOrUpdate(r.Provider, 0, (_, n) => n - 1), TaskScheduler.Default);
                return Script(r).After(TimeSpan.FromMilliseconds(latencyMs));
            });
            var limits = new ProviderResilienceOptions { MaxConcurrentRequests = concurrency, MaxRetryAttempts = 0, BreakerMinimumThroughput = 1000 };
            await using var services = Services(emulator.Environment("sk" + "-bench-emulated-0001" /* emulator only; not key-shaped in the source */), limits);
            var registry = services.GetRequiredService<ProviderRegistry>();
            var options = new RunOptions
            {
                EssayPath = essay,
                SourcePaths = [source],
                OutputRoot = Path.Combine(folder, "runs"),
                Panel = PanelParser.Parse(Seed, registry),
                PanelOptions = new PanelOptions { Extract = false },
                PromptsFolder = Path.Combine(AppContext.BaseDirectory, "prompts"),
                AutoResume = false,
            };
            var progress = new PanelClock();
            var run = await services.GetRequiredService<CheckRunner>().RunAsync(options, progress, CancellationToken.None);
            var wall = progress.PanelSeconds;

            var perProvider = emulator.Requests.GroupBy(r => r.Parsed!.Provider).ToDictionary(g => g.Key, g => g.Count());
            var busiest = perProvider.Values.Max();
            var throughputBound = busiest * latencyMs / 1000.0 / concurrency;
            var chainBound = 4 * latencyMs / 1000.0; // draft → verify → attack → reconcile
            var bound = Math.Max(throughputBound, chainBound);
            var judged = run.Outcomes.Count(o => o.Panel is not null);
            Console.WriteLine($"claims judged by the panel: {judged}; requests per provider: {string.Join(", ", perProvider.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");
            Console.WriteLine($"peak concurrent requests per provider: {string.Join(", ", peak.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");
            Console.WriteLine($"lower bound = max(busiest provider's requests × latency / concurrency, 4 sequential stages × latency) = max({busiest} × {latencyMs} ms / {concurrency}, 4 × {latencyMs} ms) = {bound.ToString("0.00", Ci)} s");
            Console.WriteLine($"panel wall time {wall.ToString("0.00", Ci)} s = {(wall / bound).ToString("0.000", Ci)} × the bound");
            Console.WriteLine($"panel_wall_s={wall.ToString("0.00", Ci)} bound_s={bound.ToString("0.00", Ci)} ratio={(wall / bound).ToString("0.000", Ci)} claims={judged}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Input tokens per claim for the seed panel on a generated N-page source: CrossCheck's
    /// evidence-budgeted prompts (counted from the requests a dry run of the stages renders) against a
    /// naive run that puts the whole source into every prompt.
    /// </summary>
    public static async Task<int> TokensAsync(string[] args)
    {
        var pages = IntArg(args, "--pages", 200);
        var claims = IntArg(args, "--claims", 20);
        var folder = Directory.CreateTempSubdirectory("crosscheck-bench-").FullName;
        try
        {
            var source = Path.Combine(folder, "source.pdf");
            File.WriteAllBytes(source, IngestBench.GeneratePdf(pages, new Random(7)));
            var doc = new Ingest.DocumentLoader().LoadSource(source, "S1");
            var sentences = SentenceSplitter.Split(doc.Text).Select(s => doc.Text[s.Start..s.End].Replace('\n', ' ')).Where(s => s.Length > 60).ToArray();
            var essay = Path.Combine(folder, "essay.md");
            var random = new Random(3);
            File.WriteAllLines(essay, Enumerable.Range(0, claims).Select(_ => sentences[random.Next(sentences.Length)] + "\n").Distinct());

            await using var services = Services(new Dictionary<string, string?>
            {
                ["ANTHROPIC_API_KEY"] = "x", ["OPENAI_API_KEY"] = "x", ["GEMINI_API_KEY"] = "x", ["XAI_API_KEY"] = "x",
            }, null);
            var registry = services.GetRequiredService<ProviderRegistry>();
            var options = new RunOptions
            {
                EssayPath = essay,
                SourcePaths = [source],
                Panel = PanelParser.Parse(Seed, registry),
                PanelOptions = new PanelOptions { Extract = false },
                PromptsFolder = Path.Combine(AppContext.BaseDirectory, "prompts"),
            };
            var estimate = await services.GetRequiredService<CheckRunner>().EstimateAsync(options, CancellationToken.None);
            var perClaim = estimate.InputTokens / (double)estimate.CheckableClaims;
            var callsPerClaim = estimate.Calls / (double)estimate.CheckableClaims;
            var sourceTokens = Evidence.TokenEstimator.Estimate(doc.Text);
            // The naive run sends the same prompts with the whole source in place of the selected evidence.
            var evidencePerCall = perClaim / callsPerClaim;
            var naivePerClaim = callsPerClaim * (sourceTokens + evidencePerCall);
            Console.WriteLine($"source: {pages} pages, {sourceTokens:N0} tokens; {estimate.CheckableClaims} checkable claims; {callsPerClaim.ToString("0.0", Ci)} calls per claim");
            Console.WriteLine($"CrossCheck input tokens per claim: {perClaim.ToString("N0", Ci)} (evidence budget 2,000 tokens per prompt)");
            Console.WriteLine($"naive input tokens per claim (whole source in every prompt, at least): {naivePerClaim.ToString("N0", Ci)}");
            Console.WriteLine($"input_tokens_per_claim={perClaim.ToString("0", Ci)} naive={naivePerClaim.ToString("0", Ci)} reduction={(naivePerClaim / perClaim).ToString("0.0", Ci)}x");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static ScriptedReply Script(EmulatedRequest r)
    {
        var system = r.Messages.FirstOrDefault(m => m.Role == "system")?.Content ?? "";
        object answer = system switch
        {
            _ when system.StartsWith("You prepare", StringComparison.Ordinal) => new { proposition = "benchmark fixture", required_evidence = "", key_terms = Array.Empty<string>() },
            _ when system.StartsWith("You are an adversarial", StringComparison.Ordinal) => new { challenges = Array.Empty<object>(), proposed_verdict = "supported" },
            _ when system.StartsWith("You are the final reconciler", StringComparison.Ordinal) => new { verdict = "supported", rationale = "benchmark fixture", suggested_correction = "", citations = Array.Empty<object>() },
            _ => new { verdict = "supported", confidence = 0.9, rationale = "benchmark fixture", citations = new[] { new { passage_id = "E1", page = 3, quote = "the model solved 31% of the professional-level challenges" } } },
        };
        return ScriptedReply.Answer(JsonSerializer.Serialize(answer));
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], Ci, out var v) ? v : fallback;
    }

    /// <summary>Times the panel stage from its first to its last progress report.</summary>
    private sealed class PanelClock : IProgress<RunProgress>
    {
        private readonly Stopwatch _watch = new();

        public double PanelSeconds { get; private set; }

        public void Report(RunProgress value)
        {
            if (value.Stage == "check" && value.Done == value.Total)
            {
                _watch.Restart();
            }
            if (value.Stage == "panel")
            {
                PanelSeconds = _watch.Elapsed.TotalSeconds;
            }
        }
    }

    /// <summary>The program's composition root with the bench's providers and limits put in first, and no response cache.</summary>
    internal static ServiceProvider Services(IReadOnlyDictionary<string, string?> environment, ProviderResilienceOptions? limits)
    {
        var config = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddSingleton(ProviderRegistry.Create(null, environment));
        if (limits is not null)
        {
            services.AddSingleton<Func<string, ProviderResilienceOptions>>(_ => limits);
        }
        services.AddCrossCheck(config).Configure<CrossCheckOptions>(o => o.NoCache = true);
        return services.BuildServiceProvider();
    }
}
