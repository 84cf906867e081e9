using System.Text.Json;
using CrossCheck.Costs;
using CrossCheck.Models;
using CrossCheck.Panel;
using CrossCheck.Provenance;
using CrossCheck.Running;
using CrossCheck.Runs;
using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;

namespace CrossCheck.Server.Jobs;

/// <summary>
/// Finishes a planned run whose claims are all done: the run's chain is written out as the run folder's
/// provenance.jsonl; each checked claim's panel outcome is rebuilt from the answers the chain recorded (the way
/// <c>crosscheck replay</c> rebuilds a run: no model is called, nothing is logged again); then the finishing steps
/// write agreement and reports, append run_end to the chain, seal it and move the folder into place.
/// </summary>
public sealed class RunFinisher(CheckRunner runner, IProvenanceChain chain, PanelServices services, TimeProvider time)
{
    public async Task<RunResult> FinishAsync(string runId, RunContext context, IReadOnlyList<ClaimRow> rows, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var partial = Path.Combine(options.OutputRoot, $".{runId}.partial");
        var logPath = Path.Combine(partial, "provenance.jsonl");
        await chain.ExportAsync(runId, logPath, cancellationToken).ConfigureAwait(false);
        var recorded = RecordedAnswers.Load(logPath);
        var planned = context.State;
        using var state = new RunState(options, progress, StartedAt(logPath) ?? time.GetUtcNow())
        {
            Essay = planned.Essay,
            Sources = planned.Sources,
            Claims = planned.Claims,
            Prompts = planned.Prompts,
            Corpus = planned.Corpus,
            Checker = planned.Checker,
            RunId = runId,
            PartialFolder = partial,
            FinalFolder = Path.Combine(options.OutputRoot, runId),
            Meter = new CostMeter(services.Prices),
            Preflight = Preflight.FromLog(logPath, options.Panel),
        };
        state.Groundings = [.. planned.Claims.Select((_, i) => context.Grounding(i))];
        state.Panels = new ClaimPanel?[planned.Claims.Count];
        var done = rows.Where(r => r.State == ClaimRow.Checked).Select(r => r.ClaimId).ToHashSet(StringComparer.Ordinal);
        // Answers only from the chain, metered (the run's costs), logged nowhere: the claims' records are in the chain already.
        var metered = new CallMiddleware(null, state.Meter);
        var replay = new PanelRunner(options.Panel, p => metered.AddTo(new ModelClientBuilder(new RecordedModelClient(p, recorded, null))).Build(), planned.Prompts!, planned.Checker,
            options.PanelOptions, null, null, null, new CostEstimator(services.Prices)) { RecordedRoles = recorded.Roles };
        foreach (var id in context.CheckableIds)
        {
            var (index, slot) = context.Position(id)!.Value;
            if (done.Contains(id))
            {
                state.Panels[index] = await replay.RunClaimAsync(planned.Claims[index], slot, state.Groundings[index], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                state.UncheckedClaims.Add(id);
            }
        }
        state.Log = new ProvenanceLog(new ChainAppender(chain, runId, () => chain.ExportAsync(runId, logPath, CancellationToken.None).GetAwaiter().GetResult()), time);
        try
        {
            if (state.UncheckedClaims.Count > 0)
            {
                state.Log.Append(new BudgetReachedEntry(options.MaxCost, state.Meter.Total.KnownCost, state.UncheckedClaims));
            }
            await runner.RunStepsAsync(state, runner.FinishSteps, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            state.Log.Dispose();
        }
        return state.Result!;
    }

    /// <summary>When the run started: its run_start record's time (so a run finished in another process reports the same start).</summary>
    private static DateTimeOffset? StartedAt(string logPath)
    {
        using var reader = new StreamReader(logPath);
        if (reader.ReadLine() is not { Length: > 0 } first)
        {
            return null;
        }
        using var document = JsonDocument.Parse(first);
        return document.RootElement.TryGetProperty("at", out var at) && at.TryGetDateTimeOffset(out var value) ? value : null;
    }
}
