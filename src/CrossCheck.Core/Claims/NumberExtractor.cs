using System.Globalization;
using System.Text.RegularExpressions;

namespace CrossCheck.Claims;

/// <summary>Finds numbers with their units in text, in the forms people write them.</summary>
public static partial class NumberExtractor
{
    [GeneratedRegex(
        @"(?<![\p{L}\d.@$€£-])(?<approx>~|≈|\bab(?:ou)?t\.?\s+|\baround\s+|\bapproximately\s+|\broughly\s+|\bnearly\s+|\balmost\s+|\bover\s+|\bmore\s+than\s+|\bless\s+than\s+|\bunder\s+|\bup\s+to\s+|\bsome\s+)?(?<pre>pass@|\$|€|£)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![.,]?\d)(?:\s*(?:-|–|—|to)\s*(?<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![.,]?\d))?(?<unit>\s?%|\s+percent\b|\s+per\s+cent\b|\s?[x×](?![\p{L}\d])|-fold\b|\s+times\b|(?:-|\s)(?<word>\p{L}[\p{L}-]*))?",
        RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    private static readonly HashSet<string> NotUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "is",
        "was", "were", "are", "be", "been", "that", "this", "these", "those", "it", "its", "than", "which",
        "who", "when", "while", "but", "not", "no", "so", "if", "into", "out", "per", "s", "he", "she",
        "they", "we", "i", "you", "his", "her", "their", "our", "has", "had", "have", "will", "would",
        "could", "can", "may", "might", "also", "after", "before", "during", "between", "among", "about",
        "over", "under", "up", "down", "then", "there", "here", "where", "all", "each", "both", "only",
    };

    public static IReadOnlyList<NumberMention> Extract(string text)
    {
        var mentions = new List<NumberMention>();
        foreach (Match m in NumberPattern().Matches(text))
        {
            var numText = m.Groups["num"].Value;
            if (!double.TryParse(numText.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }
            double? rangeEnd = null;
            if (m.Groups["num2"].Success && double.TryParse(m.Groups["num2"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var end))
            {
                rangeEnd = end;
            }
            var unit = CanonicalUnit(m.Groups["pre"].Value, m.Groups["unit"].Value, m.Groups["word"].Success ? m.Groups["word"].Value : null);
            var matchText = m.Value.Trim();
            if (unit.Length == 0 && m.Groups["word"].Success)
            {
                // The word after the number was not a unit: leave it out of the mention.
                matchText = text.Substring(m.Index, m.Groups["word"].Index - m.Index).TrimEnd(' ', '-');
            }
            var decimals = numText.Contains('.') ? numText.Length - numText.IndexOf('.') - 1 : 0;
            mentions.Add(new NumberMention(matchText, value, unit, m.Groups["approx"].Success, decimals, rangeEnd, m.Index));
        }
        return mentions;
    }

    /// <summary>"%" for percent forms, "x" for multipliers, "pass@" for pass@k, else the singular word or "".</summary>
    public static string CanonicalUnit(string prefix, string unit, string? word)
    {
        if (prefix.Equals("pass@", StringComparison.OrdinalIgnoreCase))
        {
            return "pass@";
        }
        if (prefix.Length > 0)
        {
            return prefix;
        }
        var trimmed = unit.Trim().ToLowerInvariant();
        if (trimmed is "%" or "percent" || trimmed.StartsWith("per cent", StringComparison.Ordinal))
        {
            return "%";
        }
        if (trimmed is "x" or "×" or "-fold" or "times")
        {
            return "x";
        }
        if (word is null || NotUnits.Contains(word))
        {
            return "";
        }
        var w = word.ToLowerInvariant().TrimEnd('-');
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            w = w[..^1];
        }
        return w;
    }
}
