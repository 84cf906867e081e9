namespace CrossCheck.Evidence;

/// <summary>
/// Picks a claim's evidence, the same evidence LLM panelists are shown. Passages the mechanical
/// checks located (a quote's match, a cited section) come first; then the best passages for the
/// claim's query (<see cref="EvidenceQuery"/>), best first, until the token budget (default
/// 2,000) is really spent: as many candidates as the budget can take are considered, a passage
/// too large for what is left is skipped rather than ending the selection, passages on a page
/// where many of the candidates sit are ranked up (evidence clusters), and the best few passages,
/// when short, come with the passages around them, so a claim that spans two sentences, or needs
/// the sentence before to make sense, is seen whole. Each passage says why it was chosen.
/// Measured in docs/benchmarks.md (bench `wice-pooled`, `generated-retrieval`).
/// </summary>
public sealed class EvidenceSelector(Bm25Index index, int tokenBudget = 2000, EvidenceSelectorOptions? options = null)
{
    /// <summary>Below this many tokens left, no passage is worth looking for.</summary>
    private const int Crumbs = 8;

    private readonly EvidenceSelectorOptions _options = options ?? EvidenceSelectorOptions.Default;

    /// <param name="query">The claim's text.</param>
    /// <param name="pinned">Passages a check located; always shown, first.</param>
    /// <param name="extraQuery">More text to search with at a lower weight, such as the panel's drafted proposition.</param>
    public IReadOnlyList<ScoredPassage> Select(string query, IEnumerable<Passage>? pinned = null, string? extraQuery = null)
    {
        var pins = (pinned ?? []).ToArray();
        var top = _options.Candidates > 0 ? _options.Candidates : FirstCandidates();
        while (true)
        {
            var hits = Rerank(Search(query, extraQuery, top));
            var (chosen, done) = Fill(pins, hits);
            // Done, or fewer hits than asked for (nothing else matches): otherwise look further down the ranking.
            if (done || _options.Candidates > 0 || hits.Count < top || top >= index.Count)
            {
                return chosen;
            }
            top *= 4;
        }
    }

    private (List<ScoredPassage> Chosen, bool Done) Fill(Passage[] pinned, IReadOnlyList<(Passage Passage, float Score)> hits)
    {
        var chosen = new List<ScoredPassage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var used = 0;
        foreach (var passage in pinned)
        {
            if (seen.Add(passage.Id))
            {
                chosen.Add(new ScoredPassage(passage, float.PositiveInfinity, ScoredPassage.PinnedReason));
                used += passage.Tokens;
            }
        }
        for (var rank = 0; rank < hits.Count; rank++)
        {
            var (passage, score) = hits[rank];
            if (used + passage.Tokens > tokenBudget && chosen.Count > 0)
            {
                if (!_options.FillBudget)
                {
                    return (chosen, true);
                }
                continue;
            }
            if (!seen.Add(passage.Id))
            {
                // Already shown as context: it is a hit in its own right, so say so.
                var at = chosen.FindIndex(c => c.IsContext && c.Passage.Id == passage.Id);
                if (at >= 0)
                {
                    chosen[at] = new ScoredPassage(passage, score, $"rank {rank + 1} for the claim's words");
                }
                continue;
            }
            chosen.Add(new ScoredPassage(passage, score, $"rank {rank + 1} for the claim's words"));
            used += passage.Tokens;
            if (rank < _options.NeighbourHits)
            {
                used += AddContext(passage, rank, chosen, seen, tokenBudget - used);
            }
            if (tokenBudget - used < Crumbs)
            {
                return (chosen, true);
            }
        }
        // Room left for no more than half a passage of the usual size: not worth a deeper search.
        return (chosen, tokenBudget - used < Math.Max(Crumbs, MeanTokens / 2));
    }

    /// <summary>Enough candidates to fill the budget with passages of the usual size twice over.</summary>
    private int FirstCandidates() => (int)Math.Clamp(2 * tokenBudget / MeanTokens, 60, 100_000);

    private double MeanTokens => index.Count == 0 ? 1.0 : Math.Max(1.0, index.TotalTokens / (double)index.Count);

    private IReadOnlyList<(Passage Passage, float Score)> Search(string query, string? extraQuery, int top)
    {
        var o = _options;
        if (o.PhraseWeight <= 0 && o.ClaimPhraseWeight <= 0 && o.KeyTermWeight <= 0 && o.HeadingWeight <= 0 && string.IsNullOrWhiteSpace(extraQuery))
        {
            return index.Search(query, top);
        }
        return EvidenceQuery.Build(index, query, extraQuery, o) is { } built ? index.Search(built, top) : [];
    }

    /// <summary>
    /// Ranks up passages on the pages that hold most of the candidates' score: a page's weight is
    /// its share of the best page's summed score, and a passage's score grows by up to PageWeight of itself.
    /// </summary>
    private IReadOnlyList<(Passage Passage, float Score)> Rerank(IReadOnlyList<(Passage Passage, float Score)> hits)
    {
        if (_options.PageWeight <= 0 || hits.Count < 2)
        {
            return hits;
        }
        var pages = new Dictionary<(Ingest.Document, int), float>();
        foreach (var (passage, score) in hits)
        {
            var key = (passage.Source, passage.Page);
            pages[key] = pages.GetValueOrDefault(key) + score;
        }
        var best = pages.Values.Max();
        return hits
            .Select(h => (h.Passage, Score: h.Score * (1 + _options.PageWeight * pages[(h.Passage.Source, h.Passage.Page)] / best)))
            .OrderByDescending(h => h.Score)
            .ToArray();
    }

    /// <summary>Adds the passages before and after a short hit, nearest first, until the group holds ContextTokens.</summary>
    private int AddContext(Passage hit, int rank, List<ScoredPassage> chosen, HashSet<string> seen, int left)
    {
        var group = hit.Tokens;
        var spent = 0;
        Passage? before = hit, after = hit;
        while (group < _options.ContextTokens && (before is not null || after is not null))
        {
            before = before is null ? null : index.Neighbour(before, -1);
            after = after is null ? null : index.Neighbour(after, 1);
            foreach (var (next, where) in new[] { (before, "before"), (after, "after") })
            {
                if (next is not null && group < _options.ContextTokens && next.Tokens <= left - spent && seen.Add(next.Id))
                {
                    chosen.Add(new ScoredPassage(next, 0f, $"context {where} the rank {rank + 1} passage ({hit.Id})", IsContext: true));
                    spent += next.Tokens;
                    group += next.Tokens;
                }
            }
        }
        return spent;
    }
}
