using CrossCheck.Costs;
using CrossCheck.Panel;

namespace CrossCheck.Running.Steps;

/// <summary>Records the offline claims; with a panel, builds it and lets its extraction stage add the claims it finds.</summary>
public sealed class ClaimsStep(PanelServices? services) : IRunStep
{
    public string Name => "claims";

    public async Task RunAsync(RunState state, CancellationToken cancellationToken)
    {
        foreach (var check in state.Preflight)
        {
            state.Log.Append(new PreflightEntry(check.Panelist.Id, check.Ok, check.StatusCode, check.Message));
        }
        foreach (var claim in state.Claims)
        {
            state.Log.Append(new ClaimExtractedEntry(claim.Id, claim.Text, claim.Kind, claim.Checkable, claim.CheckableReason, "offline", claim.Occurrences));
        }
        if (state.Prompts is null)
        {
            return;
        }
        var options = state.Options;
        var prices = services?.Prices ?? PriceTable.Default;
        state.Panel = new PanelRunner(options.Panel, state.Clients!, state.Prompts, state.Checker, options.PanelOptions, state.Log, services?.IsAvailable,
            state.Budget, new CostEstimator(prices))
        {
            // A replay gives the roles to whom the recorded run gave them (a role moved off a down provider included).
            RecordedRoles = options.Replay is not null ? state.Recorded.Roles : null,
        };
        if (options.PanelOptions.Extract)
        {
            state.Report("extract", 0, 1, options.Panel[0].Id);
            var extra = await state.Panel.ExtractAsync(state.Essay, state.Claims, cancellationToken).ConfigureAwait(false);
            state.Claims.AddRange(extra);
            state.Report("extract", 1, 1, $"{extra.Count} more claim(s)");
        }
    }
}
