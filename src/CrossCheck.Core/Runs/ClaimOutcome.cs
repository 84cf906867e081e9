using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Panel;

namespace CrossCheck.Runs;

/// <summary>A claim with every answer it got: the grounding checker's, and the LLM panel's when there is one.</summary>
public sealed record ClaimOutcome(Claim Claim, GroundingResult Grounding, ClaimPanel? Panel = null)
{
    /// <summary>The panel's final verdict when a panel ran on the claim; otherwise the grounding checker's.</summary>
    public Verdict FinalVerdict => Panel?.FinalVerdict ?? Grounding.Verdict;
}
