using CrossCheck.Checks;

namespace CrossCheck.Review;

/// <summary>
/// One editor's decision on one claim, as recorded in the provenance log (a <c>human</c> record).
/// </summary>
/// <param name="Verdict">The verdict the decision implies (<see cref="HumanVerdict.Of"/>); null for a note, which judges nothing.</param>
/// <param name="FinalVerdict">The run's final verdict the editor was shown.</param>
public sealed record HumanDecision(
    string ClaimId,
    HumanDecisionKind Decision,
    string? Note,
    Verdict? Verdict,
    Verdict FinalVerdict,
    string Reviewer,
    DateTimeOffset At);

/// <summary>The verdict an editor's decision stands for, compared with the panel's in the agreement figures.</summary>
public static class HumanVerdict
{
    /// <summary>
    /// agree and fixed keep the final verdict; false_alarm means the claim holds (supported), unless
    /// the editor named a verdict; a false alarm on a claim already supported names no verdict (it is
    /// not clear what the editor meant); a note judges nothing.
    /// </summary>
    public static Verdict? Of(HumanDecisionKind decision, Verdict final, Verdict? named) => decision switch
    {
        _ when named is { } v => v,
        HumanDecisionKind.Agree or HumanDecisionKind.Fixed => final,
        HumanDecisionKind.FalseAlarm when final != Checks.Verdict.Supported => Checks.Verdict.Supported,
        _ => null,
    };
}
