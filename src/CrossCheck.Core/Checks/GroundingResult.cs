using CrossCheck.Evidence;

namespace CrossCheck.Checks;

/// <summary>The offline grounding checker's answer for one claim: a verdict with its reasons, each check's results and the evidence used.</summary>
public sealed record GroundingResult(
    Verdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<QuoteResult> Quotes,
    IReadOnlyList<NumberResult> Numbers,
    IReadOnlyList<SectionResult> Sections,
    SupportAssessment? Support,
    IReadOnlyList<ScoredPassage> Evidence)
{
    /// <summary>Where the evidence for the verdict is best seen: a matched quote, else the best supporting passage.</summary>
    public SourceLocation? BestLocation =>
        Quotes.FirstOrDefault(q => q.Location is not null && q.Match != QuoteMatch.Absent)?.Location
        ?? (Support?.Best is { } best ? new SourceLocation(best.Source, best.Start, best.End) : null)
        ?? (Evidence.Count > 0 ? new SourceLocation(Evidence[0].Passage.Source, Evidence[0].Passage.Start, Evidence[0].Passage.End) : null);
}
