using CrossCheck.Agreement;
using CrossCheck.Checks;
using static CrossCheck.Tests.Agreement.Tables;

namespace CrossCheck.Tests.Agreement;

public sealed class ClaimAgreementTests
{
    [Fact]
    public void Classify_WhenAllUsableVerdictsAreEqual_IsUnanimous()
    {
        var claim = ClaimAgreement.Classify("c", [S, S, S]);

        Assert.Equal(AgreementClass.Unanimous, claim.Class);
        Assert.Equal(Verdict.Supported, claim.Verdict);
        Assert.Equal(3, claim.UsableVotes);
        Assert.Equal(3, claim.VerdictCount);
    }

    [Fact]
    public void Classify_LeavesOutNotCheckableFailedAndMissing_AndCountsThemSeparately()
    {
        var claim = ClaimAgreement.Classify("c", [S, S, X, F, null]);

        Assert.Equal(AgreementClass.Unanimous, claim.Class);
        Assert.Equal(2, claim.UsableVotes);
        Assert.Equal(1, claim.NotCheckable);
        Assert.Equal(1, claim.Failed);
        Assert.Equal(1, claim.Missing);
    }

    [Fact]
    public void Classify_WhenOneVerdictHasMoreThanHalf_IsMajority()
    {
        var claim = ClaimAgreement.Classify("c", [C, C, S]);

        Assert.Equal(AgreementClass.Majority, claim.Class);
        Assert.Equal(Verdict.Contradicted, claim.Verdict);
        Assert.Equal(2, claim.VerdictCount);
    }

    [Theory]
    [InlineData(new[] { Verdict.Supported, Verdict.Contradicted })]
    [InlineData(new[] { Verdict.Supported, Verdict.Supported, Verdict.NotInSource, Verdict.NotInSource })]
    [InlineData(new[] { Verdict.Supported, Verdict.PartiallySupported, Verdict.NotInSource })]
    [InlineData(new[] { Verdict.Supported, Verdict.Supported, Verdict.NotInSource, Verdict.Contradicted, Verdict.PartiallySupported })]
    public void Classify_WhenNoVerdictHasMoreThanHalf_IsSplit(Verdict[] verdicts)
    {
        var claim = ClaimAgreement.Classify("c", verdicts.Select(v => (Verdict?)v));

        Assert.Equal(AgreementClass.Split, claim.Class);
        Assert.Null(claim.Verdict);
    }

    [Fact]
    public void Classify_WithOneUsableVerdict_IsSingle()
    {
        var claim = ClaimAgreement.Classify("c", [N, F, X]);

        Assert.Equal(AgreementClass.Single, claim.Class);
        Assert.Equal(Verdict.NotInSource, claim.Verdict);
        Assert.Equal(1, claim.UsableVotes);
    }

    [Fact]
    public void Classify_WithNoUsableVerdict_IsNone()
    {
        var claim = ClaimAgreement.Classify("c", [F, F, X]);

        Assert.Equal(AgreementClass.None, claim.Class);
        Assert.Null(claim.Verdict);
        Assert.Equal(0, claim.UsableVotes);
        Assert.Equal(2, claim.Failed);
    }
}
