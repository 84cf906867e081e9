using CrossCheck.Agreement;
using CrossCheck.Checks;

namespace CrossCheck.Tests.Research;

/// <summary>
/// The bootstrap computes each resample's figures from per-claim parts (Agreement/ResampledFigures) instead of running the
/// statistics' general code on a rebuilt table. Its intervals must be those of the general code, to the bit, on tables of
/// every shape: the reference is <see cref="Bootstrap.ReferenceIntervals"/>, the straightforward loop over
/// <see cref="FleissKappa"/>, <see cref="KrippendorffAlpha"/>, <see cref="CohenKappa"/> and <see cref="SelfPreference"/>.
/// </summary>
public sealed class BootstrapEquivalenceTests
{
    private static readonly Verdict?[] Cells =
        [Verdict.Supported, Verdict.PartiallySupported, Verdict.NotInSource, Verdict.Contradicted, Verdict.NotCheckable, Verdict.Failed, null];

    private static readonly string[] FamilyNames = ["anthropic", "openai", "google", "xai"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Intervals_OnRandomTables_AreTheGeneralCodesToTheBit(int seed)
    {
        var random = new Random(seed);
        var claims = random.Next(0, 25);
        var panelists = random.Next(1, 6);
        // Narrow tables (few distinct verdicts) make the undefined cases common: one category only, no pairable unit.
        var palette = Cells.Take(random.Next(1, Cells.Length + 1)).ToArray();
        var familyCount = random.Next(1, FamilyNames.Length + 1);
        var table = new RatingsTable(
            [.. Enumerable.Range(0, claims).Select(i => new RatedClaim($"C{i}", random.Next(4) == 0 ? null : FamilyNames[random.Next(familyCount)]))],
            [.. Enumerable.Range(0, panelists).Select(i => new RatedPanelist($"p{i}", FamilyNames[random.Next(familyCount)]))],
            [.. Enumerable.Range(0, claims).Select(_ => (IReadOnlyList<Verdict?>)[.. Enumerable.Range(0, panelists).Select(_ => palette[random.Next(palette.Length)])])]);

        AssertSame(Bootstrap.ReferenceIntervals(table, seed, 300), Bootstrap.Intervals(table, seed, 300));
    }

    [Fact]
    public void Intervals_OfALargeMixedTable_AreTheGeneralCodesToTheBit()
    {
        var random = new Random(99);
        var table = new RatingsTable(
            [.. Enumerable.Range(0, 120).Select(i => new RatedClaim($"C{i}", FamilyNames[i % 3]))],
            [.. Enumerable.Range(0, 4).Select(i => new RatedPanelist($"p{i}", FamilyNames[i]))],
            [.. Enumerable.Range(0, 120).Select(_ => (IReadOnlyList<Verdict?>)[.. Enumerable.Range(0, 4).Select(_ => Cells[random.Next(4)])])]);

        var fast = Bootstrap.Intervals(table);

        AssertSame(Bootstrap.ReferenceIntervals(table), fast);
        Assert.Equal(Bootstrap.DefaultReplicates, fast.Fleiss.Defined);
    }

    private static void AssertSame(AgreementIntervals expected, AgreementIntervals actual)
    {
        Assert.Equal(expected.Claims, actual.Claims);
        Assert.Equal(expected.Fleiss, actual.Fleiss);
        Assert.Equal(expected.AlphaNominal, actual.AlphaNominal);
        Assert.Equal(expected.AlphaOrdinal, actual.AlphaOrdinal);
        Assert.Equal(expected.Pairwise, actual.Pairwise);
        Assert.Equal(expected.SelfPreference, actual.SelfPreference);
    }
}
