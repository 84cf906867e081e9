namespace CrossCheck.Evidence;

/// <summary>
/// Picks a claim's evidence: the best BM25 passages, best first, until the token budget
/// (default 2,000) is spent. Passages the mechanical checks located (a quote's match) come
/// first. The same evidence is what LLM panelists are shown.
/// </summary>
public sealed class EvidenceSelector(Bm25Index index, int tokenBudget = 2000)
{
    public IReadOnlyList<ScoredPassage> Select(string query, IEnumerable<Passage>? pinned = null)
    {
        var chosen = new List<ScoredPassage>();
        var seen = new HashSet<string>();
        var used = 0;
        foreach (var passage in pinned ?? [])
        {
            if (seen.Add(passage.Id))
            {
                chosen.Add(new ScoredPassage(passage, float.PositiveInfinity));
                used += passage.Tokens;
            }
        }
        foreach (var (passage, score) in index.Search(query, 60))
        {
            if (used + passage.Tokens > tokenBudget)
            {
                if (chosen.Count == 0)
                {
                    chosen.Add(new ScoredPassage(passage, score));
                }
                break;
            }
            if (seen.Add(passage.Id))
            {
                chosen.Add(new ScoredPassage(passage, score));
                used += passage.Tokens;
            }
        }
        return chosen;
    }
}
