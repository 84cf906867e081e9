using CrossCheck.Checks;
using CrossCheck.Models;

namespace CrossCheck.Panel;

/// <summary>Everything the LLM panel said about one claim, and the final verdict drawn from it.</summary>
public sealed record ClaimPanel(
    string ClaimId,
    RoleAssignment Roles,
    PanelAnswer? Draft,
    IReadOnlyList<PanelAnswer> Verifications,
    IReadOnlyList<PanelAnswer> Attacks,
    IReadOnlyList<PanelAnswer> Reconciliations,
    Verdict FinalVerdict,
    string FinalFrom,
    IReadOnlyList<string> Flags,
    bool Overruled = false)
{
    /// <summary>With <c>--trials N</c> (N &gt; 1): every verify answer, trial by trial, each in panel order; empty for one trial.</summary>
    public IReadOnlyList<IReadOnlyList<PanelAnswer>> VerifyTrials { get; init; } = [];

    public PanelAnswer? VerificationBy(PanelistSpec panelist) => Verifications.FirstOrDefault(v => v.Panelist == panelist);

    public IEnumerable<PanelAnswer> AllAnswers =>
        new[] { Draft }.OfType<PanelAnswer>().Concat(VerifyTrials.Count > 0 ? VerifyTrials.SelectMany(t => t) : Verifications).Concat(Attacks).Concat(Reconciliations);

    public string? SuggestedCorrection => Reconciliations.LastOrDefault(r => !r.Failed)?.Text("suggested_correction") is { Length: > 0 } s ? s : null;
}
