using CrossCheck.Claims;
using CrossCheck.Evidence;

namespace CrossCheck.Checks;

/// <summary>
/// Evidence for a claim written in another language than its sources: word retrieval fails
/// there, so look for the passages that hold the claim's names or acronyms ("CAVP",
/// "Wikipedia") together with a number of the same kind and a similar size as the claim's.
/// A wrong number can then still be set against the right one.
/// </summary>
internal static class CrossLanguageEvidence
{
    public static IReadOnlyList<Passage> For(Claim claim, SourceCorpus corpus, int max = 4)
    {
        if (claim.Numbers.Count == 0)
        {
            return [];
        }
        var language = TextLanguages.DetectProse(claim.Text);
        var anchors = SupportText.Tokenize(claim.Text)
            .Where(t => ContextWords.IsAnchor(t, language))
            .Select(t => t.Surface)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        if (anchors.Length == 0)
        {
            return [];
        }
        var scored = new List<(Passage Passage, int Score)>();
        foreach (var passage in corpus.Passages)
        {
            var text = passage.Text;
            var hits = anchors.Count(a => text.Contains(a, StringComparison.OrdinalIgnoreCase));
            if (hits == 0)
            {
                continue;
            }
            var numbers = NumberExtractor.Extract(text);
            if (numbers.Any(n => claim.Numbers.Any(c => c.Kind == n.Kind && Similar(c.Value, n.Value))))
            {
                scored.Add((passage, hits));
            }
        }
        return scored.OrderByDescending(s => s.Score).Take(max).Select(s => s.Passage).ToArray();
    }

    /// <summary>Within a factor of two: a changed number is usually near the right one.</summary>
    public static bool Similar(double a, double b) =>
        a == b || (a > 0 && b > 0 && Math.Max(a, b) / Math.Min(a, b) <= 2);
}
