namespace CrossCheck.Compare;

/// <summary>One claim matched across two runs: its index in each (null where it is absent), how it changed, and the word overlap.</summary>
public sealed record ClaimMatch(int? Before, int? After, ClaimChange Change, double Similarity);
