using CrossCheck.Agreement;
using CrossCheck.Checks;
using CrossCheck.Runs;

namespace CrossCheck.Reports;

/// <summary>
/// What the LLM panel did in a run: calls and tokens, citations verified, failures, and the
/// agreement figures over the panelists' verify verdicts (the grounding checker is not one of
/// the raters: it is reported in its own column).
/// </summary>
public sealed record PanelSummary(
    int Panelists,
    int ClaimsJudged,
    int ModelAnswers,
    int FailedAnswers,
    int RepairedAnswers,
    long InputTokens,
    long OutputTokens,
    int Citations,
    int CitationsVerified,
    int UnverifiedSupport,
    int CappedByMechanicalChecks,
    RunAgreement Agreement,
    int Overruled = 0,
    int RefusedDepartures = 0,
    int InstructionLikeCitations = 0,
    int MisplacedCitations = 0,
    IReadOnlyList<PanelistUsage>? Usage = null)
{
    /// <summary>
    /// True when some panelist failed more than <see cref="PanelistUsage.DegradedFailureShare"/> of its calls, or when the
    /// usable verify answers came from fewer model families than the panel asked for (<see cref="DegradedReasons"/>).
    /// </summary>
    public bool Degraded => DegradedReasons.Count > 0;

    /// <summary>The families of the panel as asked.</summary>
    public IReadOnlyList<string> FamiliesAsked { get; init; } = [];

    /// <summary>The families from which at least one usable verify answer came.</summary>
    public IReadOnlyList<string> FamiliesHeard { get; init; } = [];

    /// <summary>Why the run counts as degraded, one sentence each; empty when it does not.</summary>
    public IReadOnlyList<string> DegradedReasons =>
    [
        .. (Usage ?? []).Where(u => u.Degraded).Select(u => $"{u.Panelist} failed {u.FailedCalls} of its {u.Calls} calls (more than {PanelistUsage.DegradedFailureShare:P0})"),
        .. ClaimsJudged > 0 && FamiliesHeard.Count < FamiliesAsked.Count
            ? [$"usable verify answers came from {FamiliesHeard.Count} of the {FamiliesAsked.Count} model families asked (none from {string.Join(", ", FamiliesAsked.Except(FamiliesHeard, StringComparer.Ordinal))})"]
            : Array.Empty<string>(),
    ];

    public static PanelSummary? From(RunResult run)
    {
        if (run.Options.Panel.Count == 0)
        {
            return null;
        }
        var judged = run.Outcomes.Where(o => o.Panel is not null).ToArray();
        var answers = judged.SelectMany(o => o.Panel!.AllAnswers).ToArray();
        var verifications = judged.SelectMany(o => o.Panel!.Verifications).ToArray();
        var panel = run.Options.Panel;
        var table = new RatingsTable(
            judged.Select(o => new RatedClaim(o.Claim.Id, o.Panel!.Roles.Drafter.Family)).ToArray(),
            panel.Select(p => new RatedPanelist(p.Id, p.Family)).ToArray(),
            judged.Select(o => (IReadOnlyList<Verdict?>)panel.Select(p => o.Panel!.VerificationBy(p) is { } v ? (Verdict?)(v.Verdict ?? Verdict.Failed) : null).ToArray()).ToArray());
        return new PanelSummary(
            panel.Count,
            judged.Length,
            answers.Length,
            answers.Count(a => a.Failed),
            answers.Count(a => a.Stats.Repaired),
            answers.Sum(a => (long)a.Stats.InputTokens),
            answers.Sum(a => (long)a.Stats.OutputTokens),
            verifications.Sum(v => v.Citations.Count),
            verifications.Sum(v => v.CitationsVerified),
            verifications.Count(v => v.UnverifiedSupport),
            judged.Count(o => o.Panel!.FinalFrom.Contains("capped", StringComparison.Ordinal)),
            AgreementAnalyzer.Analyze(table),
            judged.Count(o => o.Panel!.Overruled),
            judged.Count(o => o.Panel!.FinalFrom.Contains("departure refused", StringComparison.Ordinal)),
            answers.Sum(a => a.Citations.Count(c => c.InstructionLike)),
            answers.Sum(a => a.Citations.Count(c => c.InSources && c.PlaceProblem is not null)),
            PanelistUsage.From(panel, judged.Select(o => o.Panel!).ToArray()))
        {
            FamiliesAsked = panel.Select(p => p.Family).Distinct(StringComparer.Ordinal).ToArray(),
            FamiliesHeard = verifications.Where(v => v.Verdict is { } verdict && verdict != Verdict.Failed).Select(v => v.Panelist.Family).Distinct(StringComparer.Ordinal).ToArray(),
        };
    }
}
