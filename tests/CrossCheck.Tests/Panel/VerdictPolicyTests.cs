using CrossCheck.Checks;
using CrossCheck.Panel;
using static CrossCheck.Tests.Panel.PanelFixtures;

namespace CrossCheck.Tests.Panel;

/// <summary>The final-verdict rules (README "Verdict policy"), case by case.</summary>
public sealed class VerdictPolicyTests
{
    [Fact]
    public void Decide_WhenTheReconcilerAgreesWithTheMajority_TakesItsVerdictUnflagged()
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.Contradicted), Vote(O, Verdict.Contradicted), Vote(G, Verdict.PartiallySupported)],
            [Vote(X, Verdict.Contradicted, stage: "Reconcile")],
            Grounding(Verdict.NotInSource));

        Assert.Equal(Verdict.Contradicted, final.Verdict);
        Assert.Equal("reconcile", final.From);
        Assert.False(final.Overruled);
    }

    [Fact]
    public void Decide_WhenThereIsNoValidMajority_TakesTheReconcilersVerdict()
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.NotCheckable), Vote(O, null)],
            [Vote(G, Verdict.PartiallySupported, stage: "Reconcile")],
            Grounding(Verdict.NotInSource));

        Assert.Equal(Verdict.PartiallySupported, final.Verdict);
        Assert.False(final.Overruled);
    }

    [Fact]
    public void Decide_WhenTheReconcilerDepartsWithoutAVerifiedCitation_KeepsTheMajority()
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.Contradicted), Vote(O, Verdict.Contradicted), Vote(G, Verdict.NotInSource)],
            [Vote(X, Verdict.PartiallySupported, stage: "Reconcile")],
            Grounding(Verdict.NotInSource));

        Assert.Equal(Verdict.Contradicted, final.Verdict);
        Assert.False(final.Overruled);
        Assert.Contains("departure refused", final.From, StringComparison.Ordinal);
        Assert.Contains(final.Flags, f => f.Contains("the majority stands", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Decide_WhenTheReconcilerCitesAMisplacedOrInstructionLikeQuote_KeepsTheMajority(bool misplaced, bool instruction)
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.Contradicted, verifiedCitation: true), Vote(O, Verdict.NotInSource), Vote(G, Verdict.Contradicted)],
            [Vote(X, Verdict.Supported, stage: "Reconcile", misplacedCitation: misplaced, instructionCitation: instruction)],
            Grounding(Verdict.Supported));

        Assert.Equal(Verdict.Contradicted, final.Verdict);
        Assert.False(final.Overruled);
        Assert.Contains(final.Flags, f => f.Contains("cited 1 quote(s) not verified", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_WhenTheReconcilerDepartsWithAVerifiedCitation_MovesTheVerdictAndFlagsOverruled()
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.NotInSource), Vote(O, Verdict.NotInSource), Vote(G, Verdict.PartiallySupported)],
            [Vote(X, Verdict.PartiallySupported, verifiedCitation: true, stage: "Reconcile")],
            Grounding(Verdict.PartiallySupported));

        Assert.Equal(Verdict.PartiallySupported, final.Verdict);
        Assert.True(final.Overruled);
        Assert.Contains(final.Flags, f => f.StartsWith("overruled:", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_WhenAnOverruleToSupportedMeetsANumberConflict_IsCappedAndNotOverruled()
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.Contradicted), Vote(O, Verdict.Contradicted), Vote(G, Verdict.Contradicted)],
            [Vote(X, Verdict.Supported, verifiedCitation: true, stage: "Reconcile")],
            Grounding(Verdict.Contradicted, numberConflict: true));

        Assert.Equal(Verdict.Contradicted, final.Verdict);
        Assert.False(final.Overruled);
    }

    [Fact]
    public void Decide_WhenTheReconcilerSaysNotCheckable_KeepsTheMajority()
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.Contradicted), Vote(O, Verdict.Contradicted), Vote(G, Verdict.Contradicted)],
            [Vote(X, Verdict.NotCheckable, stage: "Reconcile")],
            Grounding(Verdict.Contradicted, numberConflict: true));

        Assert.Equal(Verdict.Contradicted, final.Verdict);
        Assert.Contains(final.Flags, f => f.Contains("answered not_checkable", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, true, Verdict.Contradicted)]
    [InlineData(true, false, Verdict.NotInSource)]
    public void Decide_WhenEveryModelFailedOrSaidNotCheckable_KeepsTheMechanicalFinding(bool absentQuote, bool numberConflict, Verdict expected)
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, null), Vote(O, Verdict.NotCheckable)],
            [Vote(X, Verdict.NotCheckable, stage: "Reconcile")],
            Grounding(Verdict.Supported, absentQuote, numberConflict));

        Assert.Equal(expected, final.Verdict);
    }

    [Fact]
    public void Decide_WhenSupportedRestsOnlyOnAMisplacedCitation_IsCapped()
    {
        var final = VerdictPolicy.Decide(
            [Vote(A, Verdict.Supported, misplacedCitation: true), Vote(O, Verdict.Supported, instructionCitation: true)],
            [Vote(G, Verdict.Supported, misplacedCitation: true, stage: "Reconcile")],
            Grounding(Verdict.Supported));

        Assert.Equal(Verdict.NotInSource, final.Verdict);
        Assert.Contains("capped: unverified support", final.From, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WhenTheOnlyVerifiedSupportCameFromAFailedAnswer_IsCapped()
    {
        var failedWithCitation = Vote(A, Verdict.Supported, verifiedCitation: true) with { Error = "invalid answer after one repair" };
        var final = VerdictPolicy.Decide([failedWithCitation, Vote(O, Verdict.Supported)], [], Grounding(Verdict.PartiallySupported));

        Assert.Equal(Verdict.NotInSource, final.Verdict);
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
        Assert.Contains(final.Flags, f => f.Contains("cited 1 quote(s) not verified", StringComparison.Ordinal));
    }

    [Fact]
    public void Majority_OnATie_TakesTheMoreSevereVerdictAndIgnoresFailures()
    {
        Assert.Equal(Verdict.Contradicted, VerdictPolicy.Majority([Vote(A, Verdict.Supported), Vote(O, Verdict.Contradicted), Vote(G, null), Vote(X, Verdict.Failed)]));
        Assert.Null(VerdictPolicy.Majority([Vote(A, null), Vote(O, Verdict.Failed)]));
    }
}
