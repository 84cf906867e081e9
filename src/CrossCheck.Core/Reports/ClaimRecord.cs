using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Runs;

namespace CrossCheck.Reports;

/// <summary>
/// One claim as every output shows it (claims.json, matrix.json, the CSV, the reports), built
/// once from a <see cref="ClaimOutcome"/> so the formats cannot drift apart.
/// </summary>
public sealed record ClaimRecord(
    string Id,
    int Line,
    string Text,
    ClaimKind Kind,
    bool Checkable,
    string? CheckableReason,
    IReadOnlyList<Occurrence> Occurrences,
    IReadOnlyList<string> Quotes,
    IReadOnlyList<string> Numbers,
    IReadOnlyList<string> SectionReferences,
    GroundingRecord Grounding,
    PanelRecord? Panel,
    Verdict FinalVerdict)
{
    /// <summary>Each panelist's verify verdict by its id, the grounding checker's under "grounding".</summary>
    public IReadOnlyDictionary<string, Verdict> Verdicts =>
        new[] { new KeyValuePair<string, Verdict>(CrossCheck.Checks.GroundingChecker.PanelistName, Grounding.Verdict) }
            .Concat(Panel?.Verifications.Select(v => new KeyValuePair<string, Verdict>(v.Panelist, v.Verdict ?? Verdict.Failed)) ?? [])
            .ToDictionary();

    public static ClaimRecord From(ClaimOutcome outcome)
    {
        var c = outcome.Claim;
        return new ClaimRecord(
            c.Id, c.Line, c.Text, c.Kind, c.Checkable, c.CheckableReason, c.Occurrences,
            c.Quotes.Select(q => q.Text).ToArray(),
            c.Numbers.Select(n => n.Text).ToArray(),
            c.SectionReferences,
            GroundingRecord.From(outcome.Grounding),
            outcome.Panel is null ? null : PanelRecord.From(outcome.Panel),
            outcome.FinalVerdict);
    }
}

public sealed record GroundingRecord(
    Verdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<QuoteRecord> Quotes,
    IReadOnlyList<NumberRecord> Numbers,
    IReadOnlyList<SectionRecord> Sections,
    SupportRecord? Support,
    LocationRecord? BestEvidence,
    IReadOnlyList<EvidenceRecord> Evidence)
{
    public static GroundingRecord From(GroundingResult g) => new(
        g.Verdict,
        g.Reasons,
        g.Quotes.Select(q => new QuoteRecord(q.Quote, q.Match, q.Similarity, LocationRecord.From(q.Location), PlaceRecord.From(q.OtherPlaces))).ToArray(),
        g.Numbers.Select(n => new NumberRecord(n.Number, n.Match, n.SourceNumber, LocationRecord.From(n.Location))).ToArray(),
        g.Sections.Select(s => new SectionRecord(s.Reference, s.Match, s.Section?.Title, s.SourceFile, s.Section?.Page)).ToArray(),
        g.Support is { } sup ? new SupportRecord(sup.Level.ToString().ToLowerInvariant(), Math.Round(sup.Score, 3), sup.Reason) : null,
        LocationRecord.From(g.BestLocation),
        g.Evidence.Select(e => new EvidenceRecord(
            e.Passage.Id, e.Passage.Source.FileName, e.Passage.Page, e.Passage.Section?.Label,
            float.IsInfinity(e.Score) ? null : Math.Round(e.Score, 3), e.Passage.Tokens, e.Passage.Start, e.Passage.End, e.Reason, e.IsContext)).ToArray());
}

/// <param name="AlsoAt">For a quote whose words stand at several places, the places besides <paramref name="Location"/> (null when it stands once).</param>
public sealed record QuoteRecord(string Quote, QuoteMatch Match, double Similarity, LocationRecord? Location, IReadOnlyList<PlaceRecord>? AlsoAt = null);

/// <summary>A place in a source without its text: file, page, section and offsets.</summary>
public sealed record PlaceRecord(string Source, int Page, string? Section, int Start, int End)
{
    public static IReadOnlyList<PlaceRecord>? From(IReadOnlyList<SourceLocation> places) => places.Count == 0
        ? null
        : places.Select(p => new PlaceRecord(p.Source.FileName, p.Page, p.Section?.Label, p.Start, p.End)).ToArray();
}

public sealed record NumberRecord(string Number, NumberMatch Match, string? SourceNumber, LocationRecord? Location);

public sealed record SectionRecord(string Reference, SectionMatch Match, string? Title, string? Source, int? Page);

public sealed record SupportRecord(string Level, double Score, string Reason);

/// <param name="Reason">Why retrieval chose the passage (query terms matched, pinned by a quote or section, a neighbour shown for context).</param>
/// <param name="Context">True for a neighbouring passage shown around a short hit, not a hit itself.</param>
public sealed record EvidenceRecord(string PassageId, string Source, int Page, string? Section, double? Score, int Tokens, int Start, int End, string? Reason = null, bool Context = false);

/// <summary>A place in a source as the outputs show it: file, page, section, offsets and the text there.</summary>
public sealed record LocationRecord(string Source, int Page, string? Section, int Start, int End, string Text)
{
    public static LocationRecord? From(SourceLocation? location) => location is null
        ? null
        : new LocationRecord(location.Source.FileName, location.Page, location.Section?.Label, location.Start, location.End, Excerpt(location.Text, 600));

    public static string Excerpt(string text, int max) => Excerpt(text.AsSpan(), max);

    /// <summary>The text with each run of white space made one space and trimmed, cut after <paramref name="max"/> characters with "…".</summary>
    public static string Excerpt(ReadOnlySpan<char> text, int max)
    {
        var flat = new System.Text.StringBuilder(Math.Min(text.Length, max));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = flat.Length > 0;
                continue;
            }
            if (space)
            {
                if (flat.Length >= max)
                {
                    return flat.ToString(0, max) + "…";
                }
                flat.Append(' ');
                space = false;
            }
            if (flat.Length >= max)
            {
                return flat.ToString(0, max) + "…";
            }
            flat.Append(c);
        }
        return flat.ToString();
    }
}
