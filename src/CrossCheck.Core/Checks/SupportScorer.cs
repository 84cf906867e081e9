using CrossCheck.Evidence;

namespace CrossCheck.Checks;

/// <summary>
/// Judges how far the evidence carries a claim, with no model: a small logistic model over
/// lexical measures (<see cref="SupportFeatures"/>): how many of the claim's content words,
/// names and numbers the best one to three passages hold, weighted by rarity in the evidence.
/// </summary>
public static class SupportScorer
{
    // Fitted by `CrossCheck.Bench wice <claims.dev.jsonl> --fit`: class-balanced logistic
    // regression with L2 penalty 0.1 (per claim), Newton's method, on the 349 claims of WiCE's dev
    // split (Kamoi et al., 2023) with the product's retrieval (BM25, 2,000-token budget). Order
    // follows SupportFeatures.Names: best, top, all, idf_top, names, numbers, bigrams, log_len,
    // numbers_all. In-sample balanced accuracy 0.742, 5-fold cross-validated 0.735 (with the
    // coverage floor below). The penalty matters little in cross-validation (0.725-0.736 from
    // 0.0001 to 1); 0.1 keeps the weights near-equal, as the measures overlap.
    // Refit after changing SupportFeatures, and update docs/benchmarks.md.
    private const double Bias = -1.187;
    private static readonly double[] Weights = [0.2488, 0.2849, 0.2466, 0.3117, 0.2684, 0.3708, 0.2484, -0.145, 0.3438];

    /// <summary>Below this share of the claim's (rarity-weighted) words, the evidence hardly touches the claim.</summary>
    private const double AbsentBelow = 0.4;

    /// <summary>
    /// Supported also needs most of the claim's words in the best passages: the fitted weights
    /// give claims without names or numbers a head start that must not carry a barely matched claim.
    /// </summary>
    public const double MinSupportedCoverage = 0.6;

    public static SupportAssessment Assess(string claim, IReadOnlyList<Passage> evidence)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(evidence);
        var features = SupportFeatures.Compute(claim, evidence);
        if (features.Top.Count == 0)
        {
            return new SupportAssessment(SupportLevel.Absent, 0, evidence.Count == 0 ? "no evidence passage found" : "the evidence shares no content word with the claim", null);
        }
        var score = Probability(features.ToVector());
        var level = score >= 0.5 && features.TopCoverage >= MinSupportedCoverage ? SupportLevel.Supported
            : features.IdfTopCoverage < AbsentBelow ? SupportLevel.Absent
            : SupportLevel.Partial;
        return new SupportAssessment(level, score, Reason(level, features), features.Top[0]);
    }

    /// <summary>The model's probability that the evidence supports the claim, from a feature vector.</summary>
    public static double Probability(IReadOnlyList<double> features)
    {
        var z = Bias;
        for (var i = 0; i < Weights.Length; i++)
        {
            z += Weights[i] * features[i];
        }
        return 1 / (1 + Math.Exp(-z));
    }

    private static string Reason(SupportLevel level, SupportFeatures f)
    {
        var where = f.Top.Count == 1 ? "the best passage" : $"the best {f.Top.Count} passages";
        var found = $"{f.TopCoverage:P0} of the claim's content words are in {where}";
        if (f.Missing.Count == 0)
        {
            return level == SupportLevel.Supported ? $"every content word and number of the claim is in {where}" : $"{found}, but not together as the claim puts them";
        }
        var missing = string.Join(", ", f.Missing.Take(5).Select(m => $"\"{m}\""));
        var more = f.Missing.Count > 5 ? $" and {f.Missing.Count - 5} more" : "";
        return $"{found}; not found: {missing}{more}";
    }
}
