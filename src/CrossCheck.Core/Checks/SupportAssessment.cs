using CrossCheck.Evidence;

namespace CrossCheck.Checks;

/// <summary>The lexical support judgement: how much of the claim the evidence carries, and where.</summary>
public sealed record SupportAssessment(SupportLevel Level, double Score, string Reason, Passage? Best);
