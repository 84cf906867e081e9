using CrossCheck.Costs;
using CrossCheck.Panel;
using CrossCheck.Provenance;
using CrossCheck.Running;
using CrossCheck.Server.Runs;
using CrossCheck.Server.Stores;

namespace CrossCheck.Server.Jobs;

/// <summary>
/// Checks one claim of a planned run: all its panel stages (<see cref="PanelRunner.RunClaimAsync"/>), its records
/// appended to the run's chain. A later attempt (the claim's worker died) first reads what the chain recorded, so no
/// answer already paid for is asked again. With a <c>max_cost</c>, the claim's estimate is reserved on the shared
/// <see cref="IBudgetGate"/> first and settled with its metered cost after: the limit holds across processes. The
/// reservation is held in the claim's name, so a later attempt's takes the place of a dead attempt's.
/// </summary>
public sealed class ClaimCheck(IProvenanceChain chain, IBudgetGate budget, PanelServices services)
{
    /// <returns><see cref="ClaimRow.Checked"/>, or <see cref="ClaimRow.Unchecked"/> when the claim does not fit the run's budget.</returns>
    public async Task<string> RunAsync(string runId, RunContext context, string claimId, int attempt, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var state = context.State;
        var (index, slot) = context.Position(claimId) ?? throw new InvalidOperationException($"run {runId}: claim {claimId} is not one of the run's checkable claims");
        var claim = state.Claims[index];
        var grounding = context.Grounding(index);
        var recorded = attempt > 1 ? await RecordedAsync(runId, cancellationToken).ConfigureAwait(false) : RecordedAnswers.Empty;
        var meter = new CostMeter(services.Prices);
        var estimator = new CostEstimator(services.Prices);
        // The claim's calls go to the run's chain and this claim's meter; max_cost is held on the shared gate below, not per process.
        var clients = context.ClientsFor(recorded, services, new CallMiddleware(context.Log, meter));
        var panel = new PanelRunner(options.Panel, clients, state.Prompts!, state.Checker, options.PanelOptions, context.Log, services.IsAvailable, null, estimator);
        decimal reserved = 0;
        if (options.MaxCost is { } limit)
        {
            var roles = Rotation.Assign(options.Panel, slot, services.IsAvailable);
            reserved = ClaimCostEstimate.Of(claim, roles, grounding, options.Panel, state.Prompts!, estimator, options.PanelOptions.Rounds, options.PanelOptions.Trials);
            if (!await budget.TryReserveAsync(runId, claimId, limit, reserved, cancellationToken).ConfigureAwait(false))
            {
                return ClaimRow.Unchecked;
            }
        }
        try
        {
            await panel.RunClaimAsync(claim, slot, grounding, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (options.MaxCost is not null)
            {
                await budget.SettleAsync(runId, claimId, meter.Total.KnownCost, CancellationToken.None).ConfigureAwait(false);
            }
        }
        return ClaimRow.Checked;
    }

    /// <summary>The answers the run's chain holds so far (read through a copy of it).</summary>
    private async Task<RecordedAnswers> RecordedAsync(string runId, CancellationToken cancellationToken)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"crosscheck-{runId}-{Guid.NewGuid():n}.jsonl");
        try
        {
            await chain.ExportAsync(runId, copy, cancellationToken).ConfigureAwait(false);
            return RecordedAnswers.Load(copy);
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
