using CrossCheck.Agreement;
using CrossCheck.Checks;
using CrossCheck.Reports;

namespace CrossCheck.Tests.Panel;

public sealed class AgreementLabelTests
{
    [Fact]
    public void Label_WhenOneOfFourFailed_IsNotPlainUnanimousAndCountsTheFailure()
    {
        var label = PanelRecord.Label(ClaimAgreement.Classify("c1", [Verdict.Supported, Verdict.Supported, Verdict.Supported, Verdict.Failed]));

        Assert.Equal("unanimous of 3 valid (1 failed)", label);
    }

    [Fact]
    public void Label_WhenEveryPanelistGaveAValidAnswer_IsTheClassAlone()
    {
        Assert.Equal("majority", PanelRecord.Label(ClaimAgreement.Classify("c1", [Verdict.Supported, Verdict.Supported, Verdict.Contradicted])));
        Assert.Equal("split of 2 valid (1 failed, 1 not_checkable)", PanelRecord.Label(ClaimAgreement.Classify("c1", [Verdict.Supported, Verdict.Contradicted, Verdict.Failed, Verdict.NotCheckable])));
    }
}
