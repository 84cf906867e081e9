namespace CrossCheck.Evidence;

/// <summary>A passage chosen as evidence, with its BM25 score (infinity for a passage a check pinned).</summary>
public sealed record ScoredPassage(Passage Passage, float Score);
