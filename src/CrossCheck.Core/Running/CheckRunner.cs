using System.Reflection;
using CrossCheck.Checks;
using CrossCheck.Costs;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Running.Steps;
using CrossCheck.Runs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrossCheck.Running;

/// <summary>
/// Runs one check as a pipeline of named steps over a <see cref="RunState"/>: ingest → open (folder, log, clients)
/// → index → claims → grounding → panel → reports. Inputs are all loaded and validated before any folder is made;
/// the run is written in <c>runs/.&lt;id&gt;.partial</c> and renamed to <c>runs/&lt;id&gt;</c> only once every file
/// is complete. Resume and replay are the same steps over a log that already holds answers.
/// </summary>
public sealed class CheckRunner(TimeProvider time, Random random, PanelServices? services = null)
{
    public CheckRunner(TimeProvider time, Random random, Func<PanelistSpec, IModelClient> clientFor)
        : this(time, random, new PanelServices(clientFor))
    {
    }

    public static string ProgramVersion =>
        typeof(CheckRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The steps of a run, in order.</summary>
    public IReadOnlyList<IRunStep> Steps =>
    [
        new IngestStep(),
        new PreflightStep(services),
        new OpenRunStep(time, random, services),
        new IndexStep(),
        new ClaimsStep(services),
        new GroundingStep(),
        new PanelStep(),
        new ReportsStep(time, services?.SigningKey),
    ];

    public async Task<RunResult> RunAsync(RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (options.Panel.Count > 0 && services?.ClientFor is null && options.Replay is null)
        {
            throw new InvalidOperationException("a panel was given but no model client factory");
        }
        var logger = services?.Logging?.CreateLogger<CheckRunner>() ?? NullLogger<CheckRunner>.Instance;
        using var state = new RunState(options, progress, time.GetUtcNow());
        using var runSpan = Telemetry.CrossCheckTelemetry.StartRun(options.EssayPath, options.SourcePaths.Count, options.Panel.Count);
        await RunStepsAsync(state, Steps, cancellationToken).ConfigureAwait(false);
        RunLog.RunWritten(logger, state.RunId, state.FinalFolder);
        runSpan?.SetTag("crosscheck.run.id", state.RunId).SetTag("crosscheck.claims", state.Result?.Outcomes.Count);
        return state.Result!;
    }

    /// <summary>
    /// The steps before the panel (ingest … grounding): what a host that checks each claim as a job of its own runs
    /// to plan a run, before it hands out the claims (<see cref="PanelRunner.RunClaimAsync"/> on each).
    /// </summary>
    public IReadOnlyList<IRunStep> PlanSteps => [.. Steps.TakeWhile(s => s is not PanelStep)];

    /// <summary>The steps after the panel (reports, run_end, the seal, the folder renamed into place), for the same host's finishing job.</summary>
    public IReadOnlyList<IRunStep> FinishSteps => [.. Steps.SkipWhile(s => s is not PanelStep).Skip(1)];

    /// <summary>Runs <paramref name="steps"/> over <paramref name="state"/> in order, each in its telemetry span and log lines.</summary>
    public async Task RunStepsAsync(RunState state, IEnumerable<IRunStep> steps, CancellationToken cancellationToken)
    {
        var logger = services?.Logging?.CreateLogger<CheckRunner>() ?? NullLogger<CheckRunner>.Instance;
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stepSpan = Telemetry.CrossCheckTelemetry.StartStep(step.Name);
            var started = time.GetTimestamp();
            RunLog.StepStarted(logger, step.Name);
            await step.RunAsync(state, cancellationToken).ConfigureAwait(false);
            RunLog.StepDone(logger, step.Name, time.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>
    /// What the run would take, before calling anything: the panel's stages run against a stand-in
    /// client that returns placeholder answers of the expected length (never shown to anyone, no
    /// folder is written), and the requests they produce are counted and priced.
    /// </summary>
    public async Task<RunEstimate> EstimateAsync(RunOptions options, CancellationToken cancellationToken)
    {
        using var state = new RunState(options, null, time.GetUtcNow());
        await new IngestStep().RunAsync(state, cancellationToken).ConfigureAwait(false);
        var claims = state.Claims;
        if (state.Prompts is not { } prompts)
        {
            return new RunEstimate(claims.Count, 0, 0, 0, 0, 0m, 0, new Dictionary<string, CostTotals>());
        }
        var prices = services?.Prices ?? PriceTable.Default;
        var estimator = new CostEstimator(prices);
        var meter = new CostMeter(prices);
        using var corpus = new SourceCorpus(state.Sources);
        var checker = new GroundingChecker(corpus, options.EvidenceTokenBudget);
        var metered = new CallMiddleware(null, meter);
        var dry = new PanelRunner(options.Panel, p => metered.AddTo(new ModelClientBuilder(new EstimatingModelClient(p, estimator))).Build(), prompts, checker,
            options.PanelOptions with { MaxParallelClaims = 1 }, null);
        if (options.PanelOptions.Extract)
        {
            await dry.ExtractAsync(state.Essay, claims, cancellationToken).ConfigureAwait(false);
        }
        var checkable = claims.Where(c => c.Checkable).ToArray();
        var slots = RolePlan.Slots(checkable.Select(c => c.Text).ToArray(), options.Panel);
        for (var i = 0; i < checkable.Length; i++)
        {
            await dry.RunClaimAsync(checkable[i], slots[i], checker.Check(checkable[i]), cancellationToken).ConfigureAwait(false);
        }
        var total = meter.Total;
        return new RunEstimate(claims.Count, checkable.Length, total.Calls, total.InputTokens, total.OutputTokens, total.KnownCost, total.UnpricedCalls, meter.ByStage);
    }
}
