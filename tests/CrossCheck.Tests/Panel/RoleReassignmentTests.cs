using CrossCheck.Models;
using CrossCheck.Panel;
using static CrossCheck.Tests.Panel.PanelFixtures;

namespace CrossCheck.Tests.Panel;

public sealed class RoleReassignmentTests
{
    private static readonly PanelistSpec[] Seed = [A, O, G, X];

    [Fact]
    public void Reassign_WhenTheReconcilersProviderIsDown_GivesTheRoleToTheNextPanelistOutsideTheDraftersFamily()
    {
        var roles = Rotation.Assign(Seed, 0);
        Assert.Equal((A, O, G), (roles.Drafter, roles.Attacker, roles.Reconciler));

        var moved = RoleReassignment.Reassign(Seed, Stage.Reconcile, roles, p => p != G, "503");

        Assert.NotNull(moved);
        Assert.Equal(X, moved.Value.To);
        Assert.Equal(X, moved.Value.Roles.Reconciler);
        Assert.Equal((A, O), (moved.Value.Roles.Drafter, moved.Value.Roles.Attacker));
        Assert.Contains(moved.Value.Roles.Notes, n => n == "reconcile reassigned from gemini:gemini to xai:grok: provider down (503)");
    }

    [Fact]
    public void Reassign_WhenTheAttackerIsDown_NeverGivesTheAttackToTheDrafter()
    {
        var roles = Rotation.Assign(Seed, 0);

        var moved = RoleReassignment.Reassign(Seed, Stage.Attack, roles, p => p != O && p != G && p != X, "down");

        Assert.Null(moved);
    }

    [Fact]
    public void Reassign_WhenTheDrafterIsDown_PrefersAPanelistHoldingNoOtherRole()
    {
        var roles = Rotation.Assign(Seed, 0);

        var moved = RoleReassignment.Reassign(Seed, Stage.Draft, roles, p => p != A, "down");

        Assert.Equal(X, moved!.Value.To);
    }

    [Fact]
    public void Rotation_OverFourClaims_GivesEachPanelistEachRoleOnce()
    {
        var assignments = Enumerable.Range(0, 4).Select(i => Rotation.Assign(Seed, i)).ToArray();

        Assert.Equal(Seed, assignments.Select(r => r.Drafter));
        Assert.Equal(Seed, assignments.Select(r => r.Attacker).OrderBy(p => Array.IndexOf(Seed, p)));
        Assert.All(assignments, r => Assert.NotEqual(r.Drafter.Family, r.Reconciler.Family));
    }
}
