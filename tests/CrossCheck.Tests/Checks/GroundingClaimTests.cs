using CrossCheck.Checks;
using CrossCheck.Claims;

namespace CrossCheck.Tests.Checks;

/// <summary>The offline checker on claims about parties the sources never mention, and on claims in another language.</summary>
public sealed class GroundingClaimTests(CorpusFixture fixture) : IClassFixture<CorpusFixture>
{
    private GroundingResult Check(string sentence) =>
        new GroundingChecker(fixture.Corpus).Check(ClaimExtractor.Build("C1", sentence, []));

    [Fact]
    public void Check_WhenTheClaimIsAboutAPartyTheSourcesNeverMention_IsNotInSource()
    {
        var r = Check("According to the report, Zephyrcorp resolved 71.4% of repository-repair tasks.");

        Assert.Equal(Verdict.NotInSource, r.Verdict);
        Assert.Contains(r.Reasons, x => x.Contains("never mention \"Zephyrcorp\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenTheClaimOpensWithAnAcronymTheSourcesNeverMention_IsNotInSource()
    {
        var r = Check("ZQX resolved 71.4% of repository-repair tasks.");

        Assert.Equal(Verdict.NotInSource, r.Verdict);
        Assert.Contains(r.Reasons, x => x.Contains("never mention \"ZQX\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_TheSameClaimAboutTheSourcesOwnSubject_IsNotFlaggedForItsName()
    {
        var r = Check("Halcyon-3 resolved 71.4% of repository-repair tasks.");

        Assert.DoesNotContain(r.Reasons, x => x.Contains("never mention", StringComparison.Ordinal));
        Assert.Equal(Verdict.Supported, r.Verdict);
    }

    [Fact]
    public void Check_AGermanClaimWithTheRightDecimalCommaNumber_IsSupportedWithoutComparingWording()
    {
        var r = Check("Laut Bericht löste Halcyon-3 genau 71,4 % der Aufgaben zur Reparatur von Repositories.");

        Assert.Equal(Verdict.Supported, r.Verdict);
        Assert.Contains(r.Reasons, x => x.Contains("wording not compared", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AFrenchClaimWithAWrongDecimalCommaNumber_IsContradictedAndNamesBothNumbers()
    {
        var r = Check("Selon le rapport, Halcyon-3 a résolu 74,1 % des tâches de réparation de dépôts.");

        Assert.Equal(Verdict.Contradicted, r.Verdict);
        Assert.Contains(r.Reasons, x => x.Contains("74,1 %", StringComparison.Ordinal) && x.Contains("71.4%", StringComparison.Ordinal));
    }
}
