using CrossCheck.Checks;
using CrossCheck.Review;
using CrossCheck.Runs;

namespace CrossCheck.Reports.Html;

/// <summary>What every section of report.html is rendered from: the run, its claims, the summary, the editor's review (if any) and where the sources' copies are.</summary>
internal sealed record HtmlReport(
    RunResult Run,
    IReadOnlyList<ClaimRecord> Claims,
    RunSummary Summary,
    HumanReview? Review,
    HumanAgreement? HumanAgreement,
    IReadOnlyDictionary<string, string> SourceLinks)
{
    /// <summary>This page's number: 1 is report.html, 2 and on are report-2.html… (see <see cref="ReportPages"/>).</summary>
    public int Page { get; init; } = 1;

    /// <summary>For a paged report, the page that holds each claim's full detail; null when every detail is on this page.</summary>
    public IReadOnlyDictionary<string, int>? PageOf { get; init; }

    /// <summary>Whether this page holds the claim's full detail (else a short pointer to the page that does).</summary>
    public bool DetailedHere(ClaimRecord c) => PageOf is null || PageOf.GetValueOrDefault(c.Id, 1) == Page;

    /// <summary>How bad a final verdict is for the problems-first order: 0 is the worst.</summary>
    public static int Severity(Verdict verdict) => verdict switch
    {
        Verdict.Contradicted => 0,
        Verdict.NotInSource => 1,
        Verdict.PartiallySupported => 2,
        Verdict.Failed => 3,
        Verdict.Supported => 4,
        _ => 5,
    };

    public static bool IsProblem(Verdict verdict) => Severity(verdict) <= 3;

    /// <summary>How many raters (grounding checker and panelists) gave another verdict than the final one.</summary>
    public static int Disagreement(ClaimRecord c) => c.Verdicts.Values.Count(v => v != c.FinalVerdict);

    /// <summary>The claims, worst verdict first, then the most disagreement, then essay order.</summary>
    public IReadOnlyList<ClaimRecord> ProblemsFirst =>
        Claims.Select((c, i) => (c, i)).OrderBy(x => Severity(x.c.FinalVerdict)).ThenByDescending(x => Disagreement(x.c)).ThenBy(x => x.i).Select(x => x.c).ToArray();

    public int Position(ClaimRecord c) => Claims.Select((x, i) => (x, i)).First(p => ReferenceEquals(p.x, c)).i;

    /// <summary>The href (relative to report.html) of a source file's copy, or null when sources are not linked.</summary>
    public string? Link(string fileName, int page) =>
        SourceLinks.TryGetValue(fileName, out var href)
            ? href + (fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? $"#page={page}" : "")
            : null;
}
