using CrossCheck.Checks;
using CrossCheck.Claims;
using CrossCheck.Evidence;
using CrossCheck.Ingest;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Checks;

/// <summary>Numbers are found or in conflict only where the source speaks about what the claim says.</summary>
public sealed class NumberContextTests : IDisposable
{
    private const string Source = """
        # Audit report

        The audit began on 21 March. The error rate fell by 1.2 points after the fix.

        The download page counted 5,576 installs in the first week. Review panels had 4 to 16 members each.

        In the pilot, 0 of 16 participants withdrew. The logs cover the window (0901-0401) only.

        Halcyon-3 resolved 71.4% of repository-repair tasks. The older system resolved 12% of the tasks it was given.

        | Model | GLUE | SQuAD |
        |---|---|---|
        | Baseline average | 83.28 | 80.88 |
        | Large model | 85.10 | 84.20 |
        """;

    private readonly TempFolder _temp = new();
    private readonly Passage[] _passages;

    public NumberContextTests()
    {
        var doc = new DocumentLoader().LoadSource(_temp.Write("audit.md", Source), "S1");
        _passages = new PassageSplitter().Split(doc).ToArray();
    }

    private NumberResult Check(string claim, int index = 0) =>
        NumberCheck.Check(NumberExtractor.Extract(claim)[index], claim, _passages);

    [Fact]
    public void Check_WhenTheNumberIsElsewhereInTheSourceButNotAboutTheClaimsSubject_IsNotFound()
    {
        var r = Check("The review panels had 12 members each.");

        Assert.NotEqual(NumberMatch.Found, r.Match);
    }

    [Fact]
    public void Check_ConflictNamesTheSourcesNumberAndQuotesItsSentence()
    {
        var r = Check("The error rate fell by 2.1 points after the fix.");

        Assert.Equal(NumberMatch.Conflict, r.Match);
        Assert.Equal("1.2 points", r.SourceNumber);
        Assert.Contains("The error rate fell by 1.2 points after the fix.", r.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ADayOfAMonthNeverPairsWithAQuantity()
    {
        var r = Check("The error rate fell by 21 points after the fix.");

        Assert.NotEqual("21", r.SourceNumber);
        Assert.DoesNotContain("21 March", r.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The download page counted about 5.6k installs in the first week.")]
    [InlineData("Review panels had 16 members each.")]
    [InlineData("Review panels had 4 to 16 members each.")]
    public void Check_RoundingAndRangesAreFound(string claim) =>
        Assert.Equal(NumberMatch.Found, Check(claim).Match);

    [Theory]
    [InlineData("The pilot used a 16-person group of participants.")]
    [InlineData("The logs cover the window from 2019 onwards.")]
    [InlineData("Review panels had 10 members each.")]
    public void Check_PartsCodesAndNumbersInsideARangeAreNotConflicts(string claim) =>
        Assert.NotEqual(NumberMatch.Conflict, Check(claim).Match);

    [Fact]
    public void Check_ARangeWithAChangedEndIsAConflict()
    {
        var r = Check("Review panels had 4 to 18 members each.");

        Assert.Equal(NumberMatch.Conflict, r.Match);
        Assert.Equal("4 to 16 members", r.SourceNumber);
    }

    [Fact]
    public void Check_ATableCellIsReadWithItsRowAndColumn()
    {
        var found = Check("The baseline average scored 83.28 on GLUE.");
        var wrongColumn = Check("The baseline average scored 80.88 on GLUE.");

        Assert.Equal(NumberMatch.Found, found.Match);
        Assert.Contains("row \"Baseline average\", column \"GLUE\"", found.Describe(), StringComparison.Ordinal);
        Assert.Equal(NumberMatch.Conflict, wrongColumn.Match);
        Assert.Equal("83.28", wrongColumn.SourceNumber);
    }

    [Fact]
    public void Of_APdfTableLineGivesEachCellItsRowLabelAndColumnHeader()
    {
        var text = "Table 1 shows the scores.\nGLUE CNNDM SQuAD\nBaseline average 83.28 19.24 80.88\nNo pre-training 66.22 17.60 50.31\n";

        var cells = NumberContexts.Of(text).Where(n => n.InTable).ToArray();

        var squad = Assert.Single(cells, c => c.Number.Value == 50.31);
        Assert.Equal(("No pre-training", "SQuAD"), (squad.RowLabel, squad.ColumnHeader));
        Assert.Equal(6, cells.Length);
    }

    [Theory]
    [InlineData("Laut Bericht löste Halcyon-3 genau 71,4 % der Aufgaben.")]
    [InlineData("Selon le rapport, Halcyon-3 a résolu 71,4 % des tâches.")]
    public void Check_ADecimalCommaInAGermanOrFrenchClaimIsFoundInAnEnglishSource(string claim) =>
        Assert.Equal(NumberMatch.Found, Check(claim).Match);

    [Theory]
    [InlineData("Laut Bericht löste Halcyon-3 genau 74,1 % der Aufgaben.")]
    [InlineData("Selon le rapport, Halcyon-3 a résolu 74,1 % des tâches.")]
    public void Check_AWrongDecimalCommaNumberIsAConflict(string claim)
    {
        var r = Check(claim);

        Assert.Equal(NumberMatch.Conflict, r.Match);
        Assert.Equal("71.4%", r.SourceNumber);
    }

    public void Dispose() => _temp.Dispose();
}
