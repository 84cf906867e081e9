using CrossCheck.Compare;

namespace CrossCheck.Running.Steps;

/// <summary>
/// What <c>--since</c> tells the log and the reports: which claims are new, changed or unchanged since the earlier run,
/// and, on each unchanged claim, a flag pointing at the run its answers were carried from (or saying that some of its
/// requests differed and were asked again).
/// </summary>
internal static class SinceStatus
{
    public static IReadOnlyList<ClaimChange>? Announce(RunState state, int[] checkable, string[] texts)
    {
        if (state.Since is not { } since)
        {
            return null;
        }
        var changes = since.Classify(texts);
        string[] Ids(ClaimChange change) => [.. checkable.Where((_, k) => changes[k] == change).Select(i => state.Claims[i].Id)];
        var removed = since.Removed(texts);
        state.Log.Append(new SinceEntry(since.RunId, since.Folder, Ids(ClaimChange.Unchanged), Ids(ClaimChange.Reworded), Ids(ClaimChange.Added),
            [.. removed.Select(r => new SinceEntry.RemovedClaim(r.Id, r.Text))]));
        state.Report("since", 0, 1, $"since {since.RunId}: {Ids(ClaimChange.Unchanged).Length} unchanged (carried), {Ids(ClaimChange.Reworded).Length} changed, {Ids(ClaimChange.Added).Length} new, {removed.Count} removed");
        return changes;
    }

    public static void MarkCarried(RunState state, int[] checkable, IReadOnlyList<ClaimChange>? changes)
    {
        if (state.Since is not { } since || changes is null)
        {
            return;
        }
        for (var k = 0; k < checkable.Length; k++)
        {
            var i = checkable[k];
            if (state.Panels[i] is not { } panel)
            {
                continue;
            }
            var (_, asked) = since.Tally.GetValueOrDefault(state.Claims[i].Id);
            var note = changes[k] switch
            {
                ClaimChange.Unchanged when asked == 0 => $"unchanged since run {since.RunId}: its answers and verdict are carried from that run's log (no model called)",
                ClaimChange.Unchanged => $"text unchanged since run {since.RunId}, but {asked} of its requests differed from that run's and were asked again",
                ClaimChange.Reworded => $"changed since run {since.RunId}: checked again by the panel",
                _ => $"new since run {since.RunId}: checked by the panel",
            };
            state.Panels[i] = panel with { Flags = [.. panel.Flags, note] };
        }
    }
}
