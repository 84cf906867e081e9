using CrossCheck.Models;

namespace CrossCheck.Panel;

/// <summary>Who drafts, attacks and reconciles one claim; every panelist verifies.</summary>
public sealed record RoleAssignment(PanelistSpec Drafter, PanelistSpec Attacker, PanelistSpec Reconciler)
{
    /// <summary>Why a role went to someone other than the plain rotation gives (family rule, reassignment).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
