using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Costs;
using CrossCheck.Models;
using CrossCheck.Panel.Prompts;

namespace CrossCheck.Panel;

/// <summary>What one claim's stages are expected to cost, from the size of its evidence: what <see cref="BudgetGate"/> holds for it.</summary>
public static class ClaimCostEstimate
{
    public static decimal Of(Claim claim, RoleAssignment roles, GroundingResult mechanical, IReadOnlyList<PanelistSpec> panel, PromptLibrary prompts, CostEstimator? estimator, int rounds, int trials = 1)
    {
        if (estimator is null)
        {
            return 0m;
        }
        var evidenceChars = mechanical.Evidence.Sum(e => e.Passage.End - e.Passage.Start);
        var template = prompts[Stage.Verify.PromptName()];
        var probe = new ModelRequest(Stage.Verify.Key(), template.SystemTemplate, new string('x', evidenceChars + claim.Text.Length * 2 + 400), template.Schema, template.Temperature, template.MaxTokens);
        decimal Cost(PanelistSpec p, Stage stage, double scale = 1) =>
            (estimator.Estimate(p, probe with { Stage = stage.Key() }).Cost ?? 0m) * (decimal)scale;
        rounds = Math.Max(1, rounds);
        // Attack and reconcile prompts also carry the reviews: about half as much again as a verify prompt.
        return Cost(roles.Drafter, Stage.Draft, 0.3) + Math.Max(1, trials) * panel.Sum(p => Cost(p, Stage.Verify))
            + rounds * (Cost(roles.Attacker, Stage.Attack, 1.5) + Cost(roles.Reconciler, Stage.Reconcile, 1.5));
    }
}
