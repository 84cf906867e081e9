using CrossCheck.Agreement;
using CrossCheck.Checks;

namespace CrossCheck.Review;

/// <summary>
/// How far the editor's verdicts agree with the run's: Cohen's κ of human × final and human × each
/// rater (the grounding checker and every panelist), on the claims both judged with a usable verdict,
/// with the counts behind each figure; and how many claims were reviewed.
/// </summary>
public sealed record HumanAgreement(
    int Claims,
    int Reviewed,
    IReadOnlyDictionary<HumanDecisionKind, int> ByDecision,
    KappaFigure VersusFinal,
    IReadOnlyList<PairwiseKappa> VersusRaters)
{
    public const string Human = "human";

    public int Unreviewed => Claims - Reviewed;

    public int Count(HumanDecisionKind kind) => ByDecision.GetValueOrDefault(kind);

    /// <param name="claims">Every claim of the run: its id, final verdict, and each rater's verdict by rater name.</param>
    public static HumanAgreement Compute(HumanReview review, IReadOnlyList<(string Id, Verdict Final, IReadOnlyDictionary<string, Verdict> Raters)> claims)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(claims);
        var decided = claims.Select(c => (c, Human: review.For(c.Id)?.Verdict)).ToArray();
        var versusFinal = CohenKappa.FromPairs(decided.Select(x => (VerdictScale.Code(x.Human), VerdictScale.Code(x.c.Final))));
        var raters = claims.SelectMany(c => c.Raters.Keys).Distinct(StringComparer.Ordinal).ToArray();
        var versusRaters = raters.Select(r => new PairwiseKappa(Human, r, CohenKappa.FromPairs(
            decided.Select(x => (VerdictScale.Code(x.Human), VerdictScale.Code(x.c.Raters.TryGetValue(r, out var v) ? v : null)))))).ToArray();
        var reviewed = claims.Count(c => review.For(c.Id) is not null);
        var byDecision = claims.Select(c => review.For(c.Id)).OfType<HumanDecision>().GroupBy(d => d.Decision).ToDictionary(g => g.Key, g => g.Count());
        return new HumanAgreement(claims.Count, reviewed, byDecision, versusFinal, versusRaters);
    }
}
