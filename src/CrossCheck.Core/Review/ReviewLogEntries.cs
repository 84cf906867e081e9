using CrossCheck.Provenance;

namespace CrossCheck.Review;

/// <summary>One editor's decision on a claim (<see cref="HumanReview.RecordType"/>).</summary>
public sealed record HumanDecisionEntry(string Claim, string Decision, string? Note, string? Verdict, string? NamedVerdict, string FinalVerdict, string Reviewer,
    DateTimeOffset At) : LogEntry(HumanReview.RecordType);

/// <summary>The record that closes a review session (<see cref="HumanReview.EndType"/>).</summary>
public sealed record ReviewEndEntry(string RunId, string Reviewer, int Decisions, string FileSha256) : LogEntry(HumanReview.EndType);
