using CrossCheck.Models;

namespace CrossCheck.Panel;

/// <summary>
/// The rotation rules of DESIGN.md. For checkable claim i of a panel of n: drafter p[i mod n],
/// attacker p[(i+1) mod n], reconciler p[(i+2) mod n]. The reconciler is never the drafter nor the
/// attacker where the panel has three or more members, and comes from another family than the
/// drafter where the panel allows; with two members the reconciler is the attacker (never the
/// drafter); with one, that panelist does everything.
/// </summary>
public static class Rotation
{
    public static RoleAssignment Assign(IReadOnlyList<PanelistSpec> panel, int claimIndex, Func<PanelistSpec, bool>? isAvailable = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(panel.Count);
        isAvailable ??= _ => true;
        var n = panel.Count;
        var notes = new List<string>();
        var drafter = Pick(panel, claimIndex % n, isAvailable, [], notes, "drafter");
        if (n == 1)
        {
            return new RoleAssignment(drafter, drafter, drafter) { Notes = ["one panelist: it holds every role; no cross-model check"] };
        }
        var attacker = Pick(panel, (claimIndex + 1) % n, isAvailable, [drafter], notes, "attacker");
        if (n == 2)
        {
            var other = attacker == drafter ? drafter : attacker;
            return new RoleAssignment(drafter, attacker, other) { Notes = [.. notes, "two panelists: the attacker also reconciles"] };
        }
        var start = (claimIndex + 2) % n;
        PanelistSpec? reconciler = null;
        for (var k = 0; k < n && reconciler is null; k++)
        {
            var candidate = panel[(start + k) % n];
            if (candidate != drafter && candidate != attacker && candidate.Family != drafter.Family && isAvailable(candidate))
            {
                reconciler = candidate;
                if (k > 0)
                {
                    notes.Add($"reconciler {candidate.Id} chosen over {panel[start].Id} to differ from the drafter's family or availability");
                }
            }
        }
        if (reconciler is null)
        {
            reconciler = Pick(panel, start, isAvailable, [drafter, attacker], notes, "reconciler");
            if (reconciler.Family == drafter.Family)
            {
                notes.Add($"no available panelist outside the drafter's family ({drafter.Family}) could reconcile");
            }
        }
        return new RoleAssignment(drafter, attacker, reconciler) { Notes = notes };
    }

    private static PanelistSpec Pick(IReadOnlyList<PanelistSpec> panel, int start, Func<PanelistSpec, bool> isAvailable, PanelistSpec[] exclude, List<string> notes, string role)
    {
        for (var k = 0; k < panel.Count; k++)
        {
            var candidate = panel[(start + k) % panel.Count];
            if (!exclude.Contains(candidate) && isAvailable(candidate))
            {
                if (k > 0)
                {
                    notes.Add($"{role} reassigned from {panel[start].Id} to {candidate.Id} (unavailable)");
                }
                return candidate;
            }
        }
        // Nobody else is available: keep the rotation's choice; its call will fail and be recorded as failed.
        return panel[start];
    }
}
