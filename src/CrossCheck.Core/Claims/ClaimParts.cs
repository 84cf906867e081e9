using System.Text.RegularExpressions;

namespace CrossCheck.Claims;

/// <summary>Finds the quotations and section references inside a claim.</summary>
public static partial class ClaimParts
{
    /// <summary>
    /// English "…", “…” and ‘…’; German „…“ (or „…”), ‚…‘ and »…«; French «…» with or without
    /// the spaces inside. The German opening „ pairs with the closing “, which in English opens.
    /// </summary>
    [GeneratedRegex("\"(?<q>[^\"]{2,})\"|\u201E(?<q>[^\u201C\u201D]{2,})[\u201C\u201D]|\u201C(?<q>[^\u201D]{2,})\u201D|\u00AB[\\s\u00A0\u202F]*(?<q>[^\u00BB]{2,}?)[\\s\u00A0\u202F]*\u00BB|\u00BB(?<q>[^\u00AB\u00BB]{2,})\u00AB|\u201A(?<q>[^\u2018\u2019]{2,}?)[\u2018\u2019](?![\\p{L}])|(?<![\\p{L}])\u2018(?<q>[^\u2019]{2,}?)\u2019(?![\\p{L}])")]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"(?:\b[Ss]ections?|\b[Ss]ecs?\.|§{1,2}|\b[Cc]hapter|\b[Aa]ppendix|\b[Aa]bschnitte?s?|\b[Kk]apitels?|\b[Aa]nhangs?|\b[Cc]hapitre|\b[Aa]nnexe|\b[Tt]able(?:au)?|\b[Tt]abelle|\b[Ff]igure|\b[Ff]ig\.|\b[Aa]bbildung|\b[Aa]bb\.)\s*(?<num>\d+(?:\.\d+)*|[A-Z](?:\.\d+)*)(?![\w])")]
    private static partial Regex SectionPattern();

    /// <summary>Quotations of two words or more; single quoted words are terms, not quotes.</summary>
    public static IReadOnlyList<QuotedSpan> Quotes(string text) =>
        QuotePattern().Matches(text)
            .Select(m => m.Groups["q"].Value.Trim())
            .Where(q => q.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2)
            .Distinct()
            .Select(q => new QuotedSpan(q))
            .ToArray();

    /// <summary>Section numbers referred to ("Section 1.2.4", "§ 3", "sec. 2.1"); tables and figures are not sections.</summary>
    public static IReadOnlyList<string> SectionReferences(string text) =>
        SectionPattern().Matches(text)
            .Where(m => !m.Value.StartsWith("Tab", StringComparison.OrdinalIgnoreCase) && !m.Value.StartsWith("Fig", StringComparison.OrdinalIgnoreCase) && !m.Value.StartsWith("Abb", StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Groups["num"].Value.TrimEnd('.'))
            .Distinct()
            .ToArray();

    /// <summary>Spans inside the claim covered by section references, so their numbers are not read as quantities.</summary>
    public static IReadOnlyList<(int Start, int End)> SectionReferenceSpans(string text) =>
        SectionPattern().Matches(text).Select(m => (m.Index, m.Index + m.Length)).ToArray();
}
