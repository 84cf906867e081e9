using System.Text.RegularExpressions;

namespace CrossCheck.Claims;

/// <summary>Finds the quotations and section references inside a claim.</summary>
public static partial class ClaimParts
{
    [GeneratedRegex("\"(?<q>[^\"]{2,})\"|\u201C(?<q>[^\u201D]{2,})\u201D|(?<![\\p{L}])\u2018(?<q>[^\u2019]{2,}?)\u2019(?![\\p{L}])")]
    private static partial Regex QuotePattern();

    [GeneratedRegex(@"(?:\b[Ss]ections?|\b[Ss]ecs?\.|§{1,2}|\b[Cc]hapter|\b[Aa]ppendix|\b[Tt]able|\b[Ff]igure|\b[Ff]ig\.)\s*(?<num>\d+(?:\.\d+)*|[A-Z](?:\.\d+)*)(?![\w])")]
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
            .Where(m => !m.Value.StartsWith("Table", StringComparison.OrdinalIgnoreCase) && !m.Value.StartsWith("Fig", StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Groups["num"].Value.TrimEnd('.'))
            .Distinct()
            .ToArray();

    /// <summary>Spans inside the claim covered by section references, so their numbers are not read as quantities.</summary>
    public static IReadOnlyList<(int Start, int End)> SectionReferenceSpans(string text) =>
        SectionPattern().Matches(text).Select(m => (m.Index, m.Index + m.Length)).ToArray();
}
