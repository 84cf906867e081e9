using CrossCheck.Provenance;
using CrossCheck.Reports;

namespace CrossCheck.Running;

/// <summary>The first record of a run: what was run, on what, with which settings.</summary>
public sealed record RunStartEntry(string RunId, string SpecFingerprint, string Program, string Version, string? Command, string Essay,
    IReadOnlyList<string> Sources, RunSettings Settings) : LogEntry("run_start");

/// <summary>The essay as read.</summary>
public sealed record EssayIngestedEntry(string Id, string Path, string Kind, string Sha256, long Bytes, int Pages, int Sections, int Characters, IReadOnlyList<string>? Warnings)
    : LogEntry("essay_ingested");

/// <summary>One source as read (the same fields as <see cref="EssayIngestedEntry"/>).</summary>
public sealed record SourceIngestedEntry(string Id, string Path, string Kind, string Sha256, long Bytes, int Pages, int Sections, int Characters, IReadOnlyList<string>? Warnings)
    : LogEntry("source_ingested");

public sealed record SourcesIndexedEntry(int Passages, string Retrieval) : LogEntry("sources_indexed");

/// <summary>A run picked up again from its partial folder.</summary>
public sealed record RunResumedEntry(string RunId, long RecordsBefore, bool TornLastLineCut, int AnswersReused) : LogEntry("run_resumed");

/// <summary>One thing a provider's resilience pipeline did (an attempt, a retry wait, a breaker change, a timeout, a rate-limit wait).</summary>
public sealed record ResilienceEntry(string Provider, string Kind, int Attempt, int? Status, double? WaitMs, string? Detail, string? Claim, string? Stage, string? Panelist)
    : LogEntry("resilience");

/// <summary>The panel stopped at the --max-cost budget; these claims were not checked by it.</summary>
public sealed record BudgetReachedEntry(decimal? MaxCostUsd, decimal SpentUsd, IReadOnlyList<string> UncheckedClaims) : LogEntry("budget_reached");

/// <summary>A run made with --since: how its claims compare with the earlier run's.</summary>
public sealed record SinceEntry(string Run, string Folder, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Changed, IReadOnlyList<string> New,
    IReadOnlyList<SinceEntry.RemovedClaim> Removed) : LogEntry("since")
{
    public sealed record RemovedClaim(string Id, string Text);
}

/// <summary>The bootstrap behind the run's agreement intervals, so they can be reproduced.</summary>
public sealed record AgreementIntervalsEntry(string Method, int Seed, int Replicates, double Level, int Claims) : LogEntry("agreement_intervals");

/// <summary>The offline grounding checker's findings on one claim.</summary>
public sealed record GroundingCheckEntry(string Claim, string Panelist, IReadOnlyList<QuoteRecord> Quotes, IReadOnlyList<NumberRecord> Numbers,
    IReadOnlyList<SectionRecord> Sections, SupportRecord? Support, IReadOnlyList<string> Evidence) : LogEntry("check");

/// <summary>One panelist's model checked before the first paid call.</summary>
public sealed record PreflightEntry(string Panelist, bool Ok, int? Status, string? Message) : LogEntry("preflight");

/// <summary>The last record of a complete run.</summary>
public sealed record RunEndEntry(string RunId, DateTimeOffset Started, DateTimeOffset Finished, int Claims, IReadOnlyDictionary<string, int> ByVerdict,
    IEnumerable<string> Failing, bool Complete, IReadOnlyList<string> UncheckedClaims, CostSummary? Cost) : LogEntry(ProvenanceVerifier.RunEndType);
