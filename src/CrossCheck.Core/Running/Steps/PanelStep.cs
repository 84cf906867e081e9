using CrossCheck.Costs;
using CrossCheck.Panel;

namespace CrossCheck.Running.Steps;

/// <summary>
/// Runs the panel on every checkable claim, many at once (the providers' own limits set the pace). Each claim is
/// <see cref="PanelRunner.RunClaimAsync"/> on its own; with --max-cost, claims that do not fit the budget (or that
/// a replayed run left unchecked) stay without a panel verdict and are listed.
/// </summary>
public sealed class PanelStep : IRunStep
{
    public string Name => "panel";

    public async Task RunAsync(RunState state, CancellationToken cancellationToken)
    {
        var claims = state.Claims;
        state.Panels = new ClaimPanel?[claims.Count];
        if (state.Panel is not { } panel)
        {
            return;
        }
        var checkable = Enumerable.Range(0, claims.Count).Where(i => claims[i].Checkable).ToArray();
        var leftUnchecked = state.Options.Replay?.UncheckedClaims.ToHashSet(StringComparer.Ordinal) ?? [];
        var texts = checkable.Select(i => claims[i].Text).ToArray();
        // Roles hang on each claim's text, not its position: an edit elsewhere leaves this claim's requests (and cache hits) as they were.
        var slots = RolePlan.Slots(texts, panel.Panel, state.Since?.Anchors);
        var changes = SinceStatus.Announce(state, checkable, texts);
        var done = 0;
        using var gate = new SemaphoreSlim(Math.Max(1, state.Options.PanelOptions.MaxParallelClaims));
        var tasks = checkable.Select(async (claimIndex, order) =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!panel.BudgetSpent && !leftUnchecked.Contains(claims[claimIndex].Id))
                {
                    state.Panels[claimIndex] = await panel.RunClaimAsync(claims[claimIndex], slots[order], state.Groundings[claimIndex], cancellationToken).ConfigureAwait(false);
                }
            }
            catch (BudgetExceededException)
            {
                // The claim stays without a panel verdict; it is listed as unchecked below.
            }
            finally
            {
                gate.Release();
                state.Report(Name, Interlocked.Increment(ref done), checkable.Length, claims[claimIndex].Id);
            }
        });
        await Task.WhenAll(tasks).ConfigureAwait(false);
        SinceStatus.MarkCarried(state, checkable, changes);
        state.UncheckedClaims.AddRange(checkable.Where(i => state.Panels[i] is null).Select(i => claims[i].Id));
        if (state.UncheckedClaims.Count > 0)
        {
            state.Log.Append(new BudgetReachedEntry(state.Options.MaxCost, state.Meter.Total.KnownCost, state.UncheckedClaims));
        }
    }
}
