using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Models;

namespace CrossCheck.Panel;

/// <summary>
/// One panelist's answer at one stage, parsed and checked. A stage that gave no usable answer
/// (after one repair attempt) is kept with <see cref="Failed"/> set and its raw text: it is shown
/// and counted, never dropped.
/// </summary>
public sealed record PanelAnswer(
    string Stage,
    PanelistSpec Panelist,
    int Round,
    Verdict? Verdict,
    string? Rationale,
    IReadOnlyList<CheckedCitation> Citations,
    JsonElement? Parsed,
    string RawText,
    string? Error,
    CallStats Stats,
    string PromptId,
    string PromptHash)
{
    public bool Failed => Error is not null;

    public int CitationsVerified => Citations.Count(c => c.Verified);

    /// <summary>"supported" with no citation the mechanical checks could find in the source.</summary>
    public bool UnverifiedSupport => Verdict == Checks.Verdict.Supported && CitationsVerified == 0;

    public string? Text(string property) =>
        Parsed is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
