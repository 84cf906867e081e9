using CrossCheck.Checks;
using CrossCheck.Panel;
using static CrossCheck.Tests.Panel.PanelFixtures;

namespace CrossCheck.Tests.Panel;

/// <summary>Today's final-verdict rules, case by case (issue 9 adds rules here).</summary>
public sealed class VerdictPolicyTests
{
    [Fact]
    public void Decide_WhenTheReconcilerAnswered_TakesItsVerdict()
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.Contradicted), Vote(O, Verdict.Contradicted)],
            [Vote(G, Verdict.PartiallySupported, stage: "Reconcile")],
            Grounding(Verdict.NotInSource));

        Assert.Equal(Verdict.PartiallySupported, final.Verdict);
        Assert.Equal("reconcile", final.From);
    }

    [Fact]
    public void Decide_WhenReconcileFailed_TakesTheVerifyMajorityAndFlagsIt()
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.Contradicted), Vote(O, Verdict.Contradicted), Vote(G, Verdict.Supported, verifiedCitation: true)],
            [Vote(X, null, stage: "Reconcile")],
            Grounding(Verdict.NotInSource));

        Assert.Equal(Verdict.Contradicted, final.Verdict);
        Assert.StartsWith("verify majority", final.From, StringComparison.Ordinal);
        Assert.Contains(final.Flags, f => f.Contains("reconciliation failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_WhenNobodyGaveAUsableVerdict_IsFailed()
    {
        var final = VerdictPolicy.Decide([Vote(A, null), Vote(O, null)], [], Grounding(Verdict.Supported));

        Assert.Equal(Verdict.Failed, final.Verdict);
        Assert.Contains(final.Flags, f => f.Contains("no panelist gave a usable verdict", StringComparison.Ordinal));
        Assert.Equal(2, final.Flags.Count(f => f.Contains("no usable verify answer", StringComparison.Ordinal)));
    }

    [Fact]
    public void Decide_WhenSupportedHasNoVerifiedCitation_IsCappedAtTheGroundingVerdict()
    {
        var final = VerdictPolicy.Decide([Vote(A, Verdict.Supported)], [Vote(O, Verdict.Supported, stage: "Reconcile")], Grounding(Verdict.NotInSource));

        Assert.Equal(Verdict.NotInSource, final.Verdict);
        Assert.Contains("capped: unverified support", final.From, StringComparison.Ordinal);
        Assert.Contains(final.Flags, f => f.Contains("unverified support", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, false, "a quote absent from the sources")]
    [InlineData(false, true, "a number in conflict with the source")]
    public void Decide_WhenTheMechanicalChecksFoundAHardFailure_CapsSupported(bool absentQuote, bool numberConflict, string finding)
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.Supported, verifiedCitation: true)],
            [Vote(O, Verdict.Supported, verifiedCitation: true, stage: "Reconcile")],
            Grounding(Verdict.Contradicted, absentQuote, numberConflict));

        Assert.Equal(Verdict.Contradicted, final.Verdict);
        Assert.Contains(final.Flags, f => f.Contains(finding, StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_WhenTheReconcilerCitesAFabricatedQuote_FlagsIt()
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.Contradicted, verifiedCitation: true)],
            [Vote(O, Verdict.Contradicted, verifiedCitation: true, fabricatedCitation: true, stage: "Reconcile")],
            Grounding(Verdict.Contradicted));

        Assert.Equal(Verdict.Contradicted, final.Verdict);
        Assert.Contains(final.Flags, f => f.Contains("cited 1 quote(s) not found", StringComparison.Ordinal));
    }

    [Fact]
    public void Majority_OnATie_TakesTheMoreSevereVerdictAndIgnoresFailures()
    {
        Assert.Equal(Verdict.Contradicted, VerdictPolicy.Majority([Vote(A, Verdict.Supported), Vote(O, Verdict.Contradicted), Vote(G, null), Vote(X, Verdict.Failed)]));
        Assert.Null(VerdictPolicy.Majority([Vote(A, null), Vote(O, Verdict.Failed)]));
    }
}
