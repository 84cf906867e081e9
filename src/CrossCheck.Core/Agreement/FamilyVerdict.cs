using CrossCheck.Checks;

namespace CrossCheck.Agreement;

/// <summary>One verdict for self-preference: who drafted the claim, who judged it, and what the judge said.</summary>
public sealed record FamilyVerdict(string DrafterFamily, string PanelistFamily, Verdict Verdict);
