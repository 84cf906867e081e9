using System.Text.RegularExpressions;

namespace CrossCheck.Compare;

/// <summary>
/// Matches the claims of two versions of an essay: first by identical text (in order, so repeated text pairs one to
/// one), then a remaining claim pairs with the most similar remaining one (word overlap, Jaccard ≥ 0.5) as reworded,
/// then, by position, with the one left between the same matched neighbours when they still share a quarter of their
/// words. What is left was added or removed.
/// </summary>
public static class ClaimMatcher
{
    public const double RewordedSimilarity = 0.5;
    public const double PositionSimilarity = 0.25;

    public static IReadOnlyList<ClaimMatch> Match(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var partnerOfAfter = new int?[after.Count];
        var partnerOfBefore = new int?[before.Count];
        var similarity = new double[after.Count];
        var byText = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var b = 0; b < before.Count; b++)
        {
            (byText.TryGetValue(before[b], out var q) ? q : byText[before[b]] = new Queue<int>()).Enqueue(b);
        }
        for (var a = 0; a < after.Count; a++)
        {
            if (byText.TryGetValue(after[a], out var q) && q.Count > 0)
            {
                var b = q.Dequeue();
                (partnerOfAfter[a], partnerOfBefore[b], similarity[a]) = (b, a, 1);
            }
        }
        var words = (before.Select(Words).ToArray(), after.Select(Words).ToArray());
        var candidates = new List<(int B, int A, double S)>();
        for (var a = 0; a < after.Count; a++)
        {
            for (var b = 0; b < before.Count; b++)
            {
                if (partnerOfAfter[a] is null && partnerOfBefore[b] is null)
                {
                    candidates.Add((b, a, Jaccard(words.Item1[b], words.Item2[a])));
                }
            }
        }
        foreach (var (b, a, s) in candidates.Where(c => c.S >= RewordedSimilarity).OrderByDescending(c => c.S).ThenBy(c => Math.Abs(c.A - c.B)))
        {
            if (partnerOfAfter[a] is null && partnerOfBefore[b] is null)
            {
                (partnerOfAfter[a], partnerOfBefore[b], similarity[a]) = (b, a, s);
            }
        }
        // Position fallback: the only unmatched claim on each side between the same two matched neighbours.
        for (var a = 0; a < after.Count; a++)
        {
            if (partnerOfAfter[a] is not null)
            {
                continue;
            }
            var (lowA, highA) = Gap(partnerOfAfter, a, after.Count);
            var low = lowA < 0 ? -1 : partnerOfAfter[lowA]!.Value;
            var high = highA >= after.Count ? before.Count : partnerOfAfter[highA]!.Value;
            var gapBefore = Enumerable.Range(low + 1, Math.Max(0, high - low - 1)).Where(b => partnerOfBefore[b] is null).ToArray();
            var gapAfter = Enumerable.Range(lowA + 1, highA - lowA - 1).Where(x => partnerOfAfter[x] is null).ToArray();
            if (gapBefore.Length == 1 && gapAfter.Length == 1 && Jaccard(words.Item1[gapBefore[0]], words.Item2[a]) is var s && s >= PositionSimilarity)
            {
                (partnerOfAfter[a], partnerOfBefore[gapBefore[0]], similarity[a]) = (gapBefore[0], a, s);
            }
        }
        var result = new List<ClaimMatch>();
        for (var a = 0; a < after.Count; a++)
        {
            result.Add(partnerOfAfter[a] is { } b
                ? new ClaimMatch(b, a, before[b] == after[a] ? ClaimChange.Unchanged : ClaimChange.Reworded, Math.Round(similarity[a], 3))
                : new ClaimMatch(null, a, ClaimChange.Added, 0));
        }
        for (var b = 0; b < before.Count; b++)
        {
            if (partnerOfBefore[b] is null)
            {
                // A removed claim goes after the claims that followed its left neighbour.
                var at = result.FindIndex(m => m.Before is { } x && x > b);
                result.Insert(at < 0 ? result.Count : at, new ClaimMatch(b, null, ClaimChange.Removed, 0));
            }
        }
        return result;
    }

    private static (int Low, int High) Gap(int?[] partner, int at, int count)
    {
        var low = at - 1;
        while (low >= 0 && partner[low] is null)
        {
            low--;
        }
        var high = at + 1;
        while (high < count && partner[high] is null)
        {
            high++;
        }
        return (low, high);
    }

    private static HashSet<string> Words(string text) =>
        [.. Regex.Split(text.ToLowerInvariant(), @"[^\p{L}\p{Nd}]+").Where(w => w.Length > 0)];

    private static double Jaccard(HashSet<string> x, HashSet<string> y)
    {
        if (x.Count == 0 && y.Count == 0)
        {
            return 1;
        }
        var common = x.Count(y.Contains);
        return (double)common / (x.Count + y.Count - common);
    }
}
