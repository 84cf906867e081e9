using System.Text.Json;
using CrossCheck.Agreement;
using CrossCheck.Checks;
using CrossCheck.Panel;

namespace CrossCheck.Reports;

/// <summary>The LLM panel's work on one claim as the outputs show it.</summary>
public sealed record PanelRecord(
    string Drafter,
    string Attacker,
    string Reconciler,
    IReadOnlyList<string> RoleNotes,
    AnswerRecord? Draft,
    IReadOnlyList<AnswerRecord> Verifications,
    IReadOnlyList<AnswerRecord> Attacks,
    IReadOnlyList<AnswerRecord> Reconciliations,
    Verdict FinalVerdict,
    string FinalFrom,
    AgreementClass Agreement,
    string CitationsVerified,
    string? SuggestedCorrection,
    IReadOnlyList<string> Flags,
    bool Overruled = false,
    string AgreementLabel = "",
    int FailedVotes = 0)
{
    public static PanelRecord From(ClaimPanel p)
    {
        var agreement = ClaimAgreement.Classify(p.ClaimId, p.Verifications.Select(v => (Verdict?)(v.Verdict ?? Verdict.Failed)));
        var cited = p.Verifications.Sum(v => v.Citations.Count);
        var verified = p.Verifications.Sum(v => v.CitationsVerified);
        return new PanelRecord(
            p.Roles.Drafter.Id, p.Roles.Attacker.Id, p.Roles.Reconciler.Id, p.Roles.Notes,
            p.Draft is null ? null : AnswerRecord.From(p.Draft),
            p.Verifications.Select(AnswerRecord.From).ToArray(),
            p.Attacks.Select(AnswerRecord.From).ToArray(),
            p.Reconciliations.Select(AnswerRecord.From).ToArray(),
            p.FinalVerdict, p.FinalFrom, agreement.Class, $"{verified}/{cited}", p.SuggestedCorrection, p.Flags,
            p.Overruled, Label(agreement), agreement.Failed);
    }

    /// <summary>
    /// The agreement class over valid verify answers only, saying how many of them there were and how many failed or
    /// answered not_checkable when any did: "unanimous" alone only when every panelist gave a valid answer.
    /// </summary>
    public static string Label(ClaimAgreement a)
    {
        var name = a.Class.ToString().ToLowerInvariant();
        var left = a.Failed + a.NotCheckable + a.Missing;
        if (left == 0)
        {
            return name;
        }
        var parts = new List<string>();
        if (a.Failed + a.Missing > 0)
        {
            parts.Add($"{a.Failed + a.Missing} failed");
        }
        if (a.NotCheckable > 0)
        {
            parts.Add($"{a.NotCheckable} not_checkable");
        }
        return $"{name} of {a.UsableVotes} valid ({string.Join(", ", parts)})";
    }
}

/// <summary>One stage answer: verdict, rationale, checked citations, the parsed JSON and the raw text.</summary>
public sealed record AnswerRecord(
    string Stage,
    string Panelist,
    int Round,
    Verdict? Verdict,
    string? Rationale,
    string CitationsVerified,
    bool UnverifiedSupport,
    IReadOnlyList<CitationRecord> Citations,
    JsonElement? Parsed,
    string RawText,
    string? Error,
    string Prompt,
    string PromptHash,
    int InputTokens,
    int OutputTokens,
    double LatencyMs,
    int Calls,
    bool Repaired,
    string? ModelVersion)
{
    public static AnswerRecord From(PanelAnswer a) => new(
        a.Stage, a.Panelist.Id, a.Round, a.Failed ? Checks.Verdict.Failed : a.Verdict, a.Rationale,
        $"{a.CitationsVerified}/{a.Citations.Count}", a.UnverifiedSupport,
        a.Citations.Select(c => new CitationRecord(c.Citation.Quote, c.Citation.PassageId, c.Citation.Page, c.Match, c.Verified, c.Similarity, c.Source, c.FoundPage, c.Section, c.Describe())).ToArray(),
        a.Parsed, a.RawText, a.Error, a.PromptId, a.PromptHash,
        a.Stats.InputTokens, a.Stats.OutputTokens, Math.Round(a.Stats.LatencyMs, 1), a.Stats.Calls, a.Stats.Repaired, a.Stats.ModelVersion);
}

/// <summary>A model's citation with what QuoteCheck found for it.</summary>
public sealed record CitationRecord(
    string Quote, string? PassageId, int? CitedPage, QuoteMatch Match, bool Verified, double Similarity,
    string? Source, int? FoundPage, string? Section, string Check);
