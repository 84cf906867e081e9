using CrossCheck.Checks;
using CrossCheck.Ingest;

namespace CrossCheck.Runs;

/// <summary>A finished run: its inputs, every claim's outcome and where the run folder is.</summary>
public sealed record RunResult
{
    public required string RunId { get; init; }

    public required string Folder { get; init; }

    public required DateTimeOffset Started { get; init; }

    public required DateTimeOffset Finished { get; init; }

    public required Document Essay { get; init; }

    public required IReadOnlyList<Document> Sources { get; init; }

    public required int PassageCount { get; init; }

    public required IReadOnlyList<ClaimOutcome> Outcomes { get; init; }

    public required RunOptions Options { get; init; }

    public required string ProgramVersion { get; init; }

    /// <summary>The stage prompts used (none for a grounding-only run).</summary>
    public IReadOnlyList<Panel.Prompts.PromptTemplate> Prompts { get; init; } = [];

    /// <summary>Tokens and cost of every model call, by stage and panelist.</summary>
    public Costs.CostMeter? Costs { get; init; }

    /// <summary>Checkable claims the panel did not get to because --max-cost was reached: the report is incomplete.</summary>
    public IReadOnlyList<string> UncheckedClaims { get; init; } = [];

    /// <summary>How the LLM claim-extraction stage went: its failed attempts, each retried on the next panelist (None when it did not run).</summary>
    public Panel.ExtractionReport Extraction { get; init; } = Panel.ExtractionReport.None;

    /// <summary>What the preflight found for each panelist before the run (empty when it did not run).</summary>
    public IReadOnlyList<Panel.PreflightResult> Preflight { get; init; } = [];

    public bool Complete => UncheckedClaims.Count == 0;

    /// <summary>Every panel answer of every claim the panel checked: drafts, verifications (every trial), attacks, reconciliations.</summary>
    public IEnumerable<Panel.PanelAnswer> PanelAnswers => Outcomes.Where(o => o.Panel is not null).SelectMany(o => o.Panel!.AllAnswers);

    public int Count(Verdict verdict) => Outcomes.Count(o => o.FinalVerdict == verdict);

    /// <summary>The verdicts named by --fail-on that some claim received.</summary>
    public IReadOnlyList<Verdict> FailingVerdicts => Options.FailOn.Where(v => Count(v) > 0).ToArray();
}
