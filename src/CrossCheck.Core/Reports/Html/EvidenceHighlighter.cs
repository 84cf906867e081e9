using System.Globalization;
using System.Text.RegularExpressions;
using CrossCheck.Checks;

namespace CrossCheck.Reports.Html;

/// <summary>
/// Marks, in a passage of the source, the claim's words and numbers (&lt;mark&gt;), and a number that
/// conflicts with one of the claim's (the number check's finding) with its own mark and the claim's
/// number beside it in text ("≠ 38%"), so a reader sees at once what matches and what does not.
/// </summary>
internal sealed partial class EvidenceHighlighter
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "this", "these", "those", "with", "from", "have", "has", "had", "were", "was", "been", "being", "their", "there",
        "they", "them", "than", "then", "which", "while", "what", "when", "where", "will", "would", "could", "should", "about",
        "into", "also", "only", "such", "each", "more", "most", "some", "other", "over", "under", "very", "does", "said", "says",
    };

    private readonly HashSet<string> _words;
    private readonly HashSet<string> _numbers;
    private readonly Dictionary<string, string> _conflicts;

    public EvidenceHighlighter(ClaimRecord claim)
    {
        _words = Tokens().Matches(claim.Text).Select(m => m.Value).Where(w => !IsNumber(w) && w.Length >= 4 && !StopWords.Contains(w))
            .Select(Stem).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _numbers = claim.Numbers.Concat(Tokens().Matches(claim.Text).Select(m => m.Value).Where(IsNumber))
            .Select(NumberKey).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        _conflicts = claim.Grounding.Numbers.Where(n => n.Match == NumberMatch.Conflict && n.SourceNumber is not null)
            .GroupBy(n => NumberKey(n.SourceNumber!)).Where(g => g.Key.Length > 0)
            .ToDictionary(g => g.Key, g => g.First().Number, StringComparer.Ordinal);
    }

    public bool MarksAnything(string text)
    {
        foreach (var m in Tokens().EnumerateMatches(text))
        {
            if (Kind(text.AsSpan(m.Index, m.Length)) is not null)
            {
                return true;
            }
        }
        return false;
    }

    public void Render(HtmlText html, string text)
    {
        var at = 0;
        // EnumerateMatches: no Match object per word (a long run renders thousands of passages).
        foreach (var m in Tokens().EnumerateMatches(text))
        {
            if (Kind(text.AsSpan(m.Index, m.Length)) is not { } kind)
            {
                continue;
            }
            var value = text.Substring(m.Index, m.Length);
            html.Text(text[at..m.Index]);
            if (kind == "conflict")
            {
                html.Element("mark", value, ("class", "conflict"), ("title", $"conflicts with the claim's {_conflicts[NumberKey(value)]}"))
                    .Element("span", $"≠ {_conflicts[NumberKey(value)]}", ("class", "conflict-tag"));
            }
            else
            {
                html.Element("mark", value, ("class", kind));
            }
            at = m.Index + m.Length;
        }
        html.Text(text[at..]);
    }

    private string? Kind(ReadOnlySpan<char> token)
    {
        if (char.IsDigit(token[0]))
        {
            var key = NumberKey(token.ToString());
            return _conflicts.ContainsKey(key) ? "conflict" : _numbers.Contains(key) ? "hl num" : null;
        }
        return token.Length >= 4 && _words.Contains(Stem(token.ToString())) ? "hl" : null;
    }

    private static bool IsNumber(string token) => char.IsDigit(token[0]);

    /// <summary>"1,000" and "1000", "71.4%" and "71.4" compare equal.</summary>
    internal static string NumberKey(string number)
    {
        var digits = new string(number.Where(c => char.IsDigit(c) || c == '.').ToArray()).Trim('.');
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d.ToString(CultureInfo.InvariantCulture) : digits;
    }

    /// <summary>A crude stem ("tests" → "test", "reported" → "report"): a highlight for the eye, not a check.</summary>
    private static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        foreach (var suffix in new[] { "ing", "ed", "es", "s" })
        {
            if (w.Length > suffix.Length + 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }
        return w;
    }

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?|\p{L}[\p{L}\p{Mn}'’-]*")]
    private static partial Regex Tokens();
}
