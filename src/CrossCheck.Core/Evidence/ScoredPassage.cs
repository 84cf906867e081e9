namespace CrossCheck.Evidence;

/// <summary>
/// A passage chosen as evidence, with its retrieval score (infinity for a passage a check pinned,
/// 0 for a neighbour shown for context) and why it was chosen ("rank 3 for the claim's words",
/// "context after the rank 1 passage (S1#12)", "located by a check"). A context passage was not
/// retrieved for the claim's words: it is there so a reader sees the hit in its surroundings,
/// and a scorer that weighs retrieved passages should leave it out.
/// </summary>
public sealed record ScoredPassage(Passage Passage, float Score, string Reason = "", bool IsContext = false)
{
    public const string PinnedReason = "located by a check (quote or cited section)";
}
