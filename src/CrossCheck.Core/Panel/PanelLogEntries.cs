using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Models;
using CrossCheck.Provenance;

namespace CrossCheck.Panel;

/// <summary>A claim found in the essay: by the offline splitter (<c>by: "offline"</c>) or by a panelist's extraction.</summary>
public sealed record ClaimExtractedEntry(string Id, string Text, ClaimKind Kind, bool Checkable, string? Reason, string By, IReadOnlyList<Occurrence> Occurrences)
    : LogEntry("claim_extracted");

/// <summary>One failed extraction attempt on an excerpt of the essay, and the panelist asked next (none when none was left).</summary>
public sealed record ExtractionFailedEntry(int Excerpt, int Excerpts, string Panelist, string Kind, string Error, string? RetriedOn) : LogEntry("extraction_failed");

/// <summary>A claim a panelist extracted that does not stand verbatim in the essay.</summary>
public sealed record ClaimRejectedEntry(string Panelist, string Text, string Reason) : LogEntry("claim_rejected");

/// <summary>Tokens a call used, as the provider reported them.</summary>
public sealed record TokenUsage(int InputTokens, int OutputTokens);

/// <summary>
/// One model call: the request (its hash and rendered data) and either the answer (<see cref="Response"/>, usage, latency,
/// where it came from, what it cost) or the <see cref="Error"/> that ended it.
/// </summary>
public sealed record ModelCallEntry(string Claim, string Stage, int Round, string Panelist, string Provider, string Model, string Family, PromptRef Prompt,
    string RequestHash, string? SystemSha256, string UserContent, string? Response = null, TokenUsage? Usage = null, double? LatencyMs = null,
    string? ModelVersion = null, string? Origin = null, decimal? CostUsd = null, string? Error = null) : LogEntry("model_call");

/// <summary>A call whose answer is already in the log (resume, replay): named, not recorded twice.</summary>
public sealed record ModelCallReusedEntry(string Claim, string Stage, int Round, string Panelist, string RequestHash) : LogEntry("model_call_reused");

/// <summary>The checks of one answer's citations.</summary>
public sealed record CitationCheckEntry(string Claim, string Stage, string Panelist, int Round, int Verified, int Total, IReadOnlyList<CitationCheckEntry.Checked> Citations)
    : LogEntry("citation_check")
{
    public sealed record Checked(string Quote, int? CitedPage, QuoteMatch Match, double Similarity, int? FoundPage, bool Verified, string? PlaceProblem, bool InstructionLike, string Result)
    {
        public static Checked From(CheckedCitation c) =>
            new(c.Citation.Quote, c.Citation.Page, c.Match, c.Similarity, c.FoundPage, c.Verified, c.PlaceProblem, c.InstructionLike, c.Describe());
    }
}

/// <summary>Who drafts, attacks and reconciles a claim.</summary>
public sealed record RolesEntry(string Claim, string Drafter, string Attacker, string Reconciler, IReadOnlyList<string> Notes) : LogEntry("roles");

/// <summary>A role moved to another panelist because its holder's provider was down.</summary>
public sealed record RoleReassignedEntry(string Claim, string Stage, int Round, string From, string To, string? Reason) : LogEntry("role_reassigned");

/// <summary>
/// A verdict on a claim: the grounding checker's (<c>panelist: "grounding"</c>, with <see cref="Reasons"/>) or the panel's
/// (<c>panelist: "panel"</c>, with <see cref="From"/>, <see cref="Flags"/> and <see cref="Overruled"/>); <see cref="Final"/> says whether it is the claim's final one.
/// </summary>
public sealed record VerdictEntry(string Claim, string Panelist, Verdict Verdict, IReadOnlyList<string>? Reasons = null, string? From = null,
    IReadOnlyList<string>? Flags = null, bool? Overruled = null, bool Final = false) : LogEntry("verdict");
