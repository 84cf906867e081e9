using CrossCheck.Models;

namespace CrossCheck.Panel;

/// <summary>
/// When a role's holder failed because its provider is down, the role goes to the next available panelist in
/// rotation order, keeping the rotation's rules: the reconciler neither drafter nor attacker, and of another family
/// than the drafter where possible; the attacker not the drafter.
/// </summary>
public static class RoleReassignment
{
    /// <summary>The role's new holder and the updated assignment (with a note), or null when nobody available can take it.</summary>
    public static (PanelistSpec To, RoleAssignment Roles)? Reassign(
        IReadOnlyList<PanelistSpec> panel, Stage stage, RoleAssignment roles, Func<PanelistSpec, bool> isAvailable, string reason)
    {
        var holder = HolderOf(stage, roles);
        var start = panel.ToList().IndexOf(holder);
        var candidates = Enumerable.Range(1, panel.Count - 1).Select(k => panel[(start + k) % panel.Count]).Where(isAvailable).ToArray();
        var replacement = stage switch
        {
            Stage.Draft => candidates.FirstOrDefault(p => p != roles.Attacker && p != roles.Reconciler) ?? candidates.FirstOrDefault(),
            Stage.Attack => candidates.FirstOrDefault(p => p != roles.Drafter && p != roles.Reconciler) ?? candidates.FirstOrDefault(p => p != roles.Drafter),
            _ => candidates.FirstOrDefault(p => p != roles.Drafter && p != roles.Attacker && p.Family != roles.Drafter.Family)
                ?? candidates.FirstOrDefault(p => p != roles.Drafter && p != roles.Attacker)
                ?? candidates.FirstOrDefault(p => p != roles.Drafter),
        };
        if (replacement is null)
        {
            return null;
        }
        return (replacement, MoveTo(stage, roles, replacement, reason));
    }

    /// <summary>The assignment with the stage's role given to <paramref name="replacement"/>, and a note saying why.</summary>
    public static RoleAssignment MoveTo(Stage stage, RoleAssignment roles, PanelistSpec replacement, string? reason)
    {
        var note = $"{stage.Key()} reassigned from {HolderOf(stage, roles).Id} to {replacement.Id}: provider down ({reason})";
        return stage switch
        {
            Stage.Draft => roles with { Drafter = replacement, Notes = [.. roles.Notes, note] },
            Stage.Attack => roles with { Attacker = replacement, Notes = [.. roles.Notes, note] },
            _ => roles with { Reconciler = replacement, Notes = [.. roles.Notes, note] },
        };
    }

    public static PanelistSpec HolderOf(Stage stage, RoleAssignment roles) => stage switch
    {
        Stage.Draft => roles.Drafter,
        Stage.Attack => roles.Attacker,
        Stage.Reconcile => roles.Reconciler,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "only draft, attack and reconcile are roles"),
    };
}
