using CrossCheck.Evidence;
using CrossCheck.Ingest;

namespace CrossCheck.Checks;

/// <summary>
/// Judges how far the evidence carries a claim, with no model: the share of the claim's content
/// words found in the best passage and its neighbours.
/// </summary>
public static class SupportScorer
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "is",
        "was", "were", "are", "be", "been", "that", "this", "these", "those", "it", "its", "than", "which",
        "who", "has", "had", "have", "not", "but", "also", "their", "his", "her", "they", "he", "she",
    };

    public static SupportAssessment Assess(string claim, IReadOnlyList<Passage> evidence)
    {
        var claimWords = Words(claim).Where(w => !Stop.Contains(w)).Distinct().ToArray();
        if (claimWords.Length == 0 || evidence.Count == 0)
        {
            return new SupportAssessment(SupportLevel.Absent, 0, "no evidence passage found", null);
        }
        Passage? best = null;
        var bestCoverage = -1.0;
        foreach (var passage in evidence)
        {
            var words = Words(passage.Text).ToHashSet();
            var coverage = claimWords.Count(words.Contains) / (double)claimWords.Length;
            if (coverage > bestCoverage)
            {
                bestCoverage = coverage;
                best = passage;
            }
        }
        var level = bestCoverage >= 0.8 ? SupportLevel.Supported : bestCoverage >= 0.5 ? SupportLevel.Partial : SupportLevel.Absent;
        return new SupportAssessment(level, bestCoverage, $"{bestCoverage:P0} of the claim's content words are in the best passage", best);
    }

    private static IEnumerable<string> Words(string text) =>
        TextNormalizer.Fold(text).Split([' ', ',', '.', ';', ':', '"', '\'', '(', ')', '!', '?'], StringSplitOptions.RemoveEmptyEntries);
}
