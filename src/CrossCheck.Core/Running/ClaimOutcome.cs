using CrossCheck.Checks;
using CrossCheck.Claims;

namespace CrossCheck.Running;

/// <summary>A claim with every answer it got; with no LLM panel the grounding checker's verdict is final.</summary>
public sealed record ClaimOutcome(Claim Claim, GroundingResult Grounding)
{
    public Verdict FinalVerdict => Grounding.Verdict;
}
