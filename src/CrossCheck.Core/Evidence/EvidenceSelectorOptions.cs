namespace CrossCheck.Evidence;

/// <summary>
/// How a claim's evidence is chosen. <see cref="Default"/> is what the product runs; the other
/// settings exist so the benchmark can measure each change on its own (bench `wice-pooled
/// --ablate`), and <see cref="Baseline"/> is the selector as it was before (top 60 passages,
/// stop at the first that does not fit, the claim's words only).
/// </summary>
public sealed record EvidenceSelectorOptions
{
    /// <summary>Passages considered before the budget is spent; 0 means as many as the budget can take.</summary>
    public int Candidates { get; init; }

    /// <summary>Skip a passage too large for what is left and keep filling with smaller ones, instead of stopping.</summary>
    public bool FillBudget { get; init; } = true;

    /// <summary>Weight of the claim's adjacent word pairs found as a phrase (0: words only).</summary>
    public float PhraseWeight { get; init; } = 1f;

    /// <summary>Weight of the whole claim found as a loose phrase (its words in its order, a few words apart at most). Off by default: on top of the word runs it gained 0.005 on the generated source and nothing on WiCE, for a third more query time.</summary>
    public float ClaimPhraseWeight { get; init; }

    /// <summary>Extra weight of the claim's numbers and names (capitalised words) over its other words.</summary>
    public float KeyTermWeight { get; init; } = 1f;

    /// <summary>Weight of the claim's words found in a passage's section heading (0: headings ignored).</summary>
    public float HeadingWeight { get; init; } = 0.3f;

    /// <summary>How many of the best passages are shown with the passages around them, when short.</summary>
    public int NeighbourHits { get; init; } = 3;

    /// <summary>A best passage shorter than this many tokens gets its neighbours added until its group reaches it.</summary>
    public int ContextTokens { get; init; } = 100;

    /// <summary>How much passages on the page holding most of the candidates' score are ranked up (0: not at all).</summary>
    public float PageWeight { get; init; } = 0.5f;

    /// <summary>Weight of an extra query text (such as the panel's drafted proposition) against the claim's own words.</summary>
    public float ExtraQueryWeight { get; init; } = 0.5f;

    public static EvidenceSelectorOptions Default { get; } = new();

    public static EvidenceSelectorOptions Baseline { get; } = new()
    {
        Candidates = 60, FillBudget = false, PhraseWeight = 0, ClaimPhraseWeight = 0, KeyTermWeight = 0, HeadingWeight = 0, NeighbourHits = 0, PageWeight = 0,
    };

    /// <summary>The baseline, then each change added in turn, ending with the default.</summary>
    public static IReadOnlyList<(string Name, EvidenceSelectorOptions Options)> Ablations()
    {
        var steps = new List<(string, EvidenceSelectorOptions)> { ("baseline (top 60)", Baseline) };
        var current = Baseline with { Candidates = 0 };
        steps.Add(("+ all candidates", current));
        current = current with { FillBudget = true };
        steps.Add(("+ budget filled", current));
        current = current with { PhraseWeight = Default.PhraseWeight, ClaimPhraseWeight = 0 };
        steps.Add(("+ phrases", current));
        current = current with { KeyTermWeight = Default.KeyTermWeight };
        steps.Add(("+ numbers and names", current));
        current = current with { HeadingWeight = Default.HeadingWeight };
        steps.Add(("+ headings", current));
        current = current with { NeighbourHits = Default.NeighbourHits, ContextTokens = Default.ContextTokens };
        steps.Add(("+ short hits with context", current));
        foreach (var weight in new[] { 0.25f, 0.5f, 1f })
        {
            steps.Add(($"+ page weight {weight}", current with { PageWeight = weight }));
        }
        foreach (var weight in new[] { 1f, 3f })
        {
            steps.Add(($"+ claim phrase {weight}", current with { PageWeight = Default.PageWeight, ClaimPhraseWeight = weight }));
            steps.Add(($"+ claim phrase {weight}, page 0.25", current with { PageWeight = 0.25f, ClaimPhraseWeight = weight }));
        }
        steps.Add(("default without context", Default with { NeighbourHits = 0 }));
        steps.Add(("default, context 40 tokens", Default with { ContextTokens = 40 }));
        steps.Add(("default, context for best 1", Default with { NeighbourHits = 1 }));
        steps.Add(("default", Default));
        return steps;
    }
}
