using CrossCheck.Agreement;
using CrossCheck.Checks;
using CrossCheck.Review;

namespace CrossCheck.Tests.Review;

public sealed class HumanAgreementTests
{
    private static HumanDecision D(string id, HumanDecisionKind kind, Verdict final, Verdict? named = null) =>
        new(id, kind, null, HumanVerdict.Of(kind, final, named), final, "ed", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Compute_CountsReviewedAndGivesCohensKappaAgainstFinalAndEachRater()
    {
        var claims = new (string, Verdict, IReadOnlyDictionary<string, Verdict>)[]
        {
            ("C1", Verdict.Contradicted, new Dictionary<string, Verdict> { ["grounding"] = Verdict.Contradicted, ["p1"] = Verdict.Supported }),
            ("C2", Verdict.Supported, new Dictionary<string, Verdict> { ["grounding"] = Verdict.Supported, ["p1"] = Verdict.Supported }),
            ("C3", Verdict.NotInSource, new Dictionary<string, Verdict> { ["grounding"] = Verdict.NotInSource, ["p1"] = Verdict.NotInSource }),
            ("C4", Verdict.Supported, new Dictionary<string, Verdict> { ["grounding"] = Verdict.Supported, ["p1"] = Verdict.Failed }),
            ("C5", Verdict.NotCheckable, new Dictionary<string, Verdict> { ["grounding"] = Verdict.NotCheckable }),
        };
        // C1 was a false alarm (human: supported); C2 and C3 agreed; C4 only noted; C5 unreviewed. A later decision replaces an earlier one.
        var review = new HumanReview([D("C1", HumanDecisionKind.Agree, Verdict.Contradicted), D("C1", HumanDecisionKind.FalseAlarm, Verdict.Contradicted),
            D("C2", HumanDecisionKind.Agree, Verdict.Supported), D("C3", HumanDecisionKind.Fixed, Verdict.NotInSource), D("C4", HumanDecisionKind.Note, Verdict.Supported)]);

        var h = HumanAgreement.Compute(review, claims);

        Assert.Equal(4, h.Reviewed);
        Assert.Equal(1, h.Unreviewed);
        Assert.Equal(1, h.Count(HumanDecisionKind.FalseAlarm));
        Assert.Equal(1, h.Count(HumanDecisionKind.Agree));
        // Human supported/supported/not_in_source against final contradicted/supported/not_in_source: the same figure as CohenKappa on those pairs.
        var expected = CohenKappa.FromPairs([(3, 0), (3, 3), (1, 1)]);
        Assert.Equal(3, h.VersusFinal.Claims);
        Assert.Equal(expected.Kappa, h.VersusFinal.Kappa);
        Assert.Equal(0.5, h.VersusFinal.Kappa!.Value, 10); // p_o 2/3, p_e 1/3
        var p1 = h.VersusRaters.Single(r => r.PanelistB == "p1").Figure;
        Assert.Equal(3, p1.Claims);
        Assert.Equal(1.0, p1.Kappa!.Value, 10);
    }
}
