namespace CrossCheck.Agreement;

/// <summary>A row of the ratings table: the claim and the family of the panelist that drafted it (null when no model drafted it).</summary>
public sealed record RatedClaim(string ClaimId, string? DrafterFamily = null);
