using CrossCheck.Claims;
using CrossCheck.Ingest;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Claims;

public sealed class ClaimExtractorTests
{
    private static IReadOnlyList<Claim> Extract(string markdown)
    {
        using var temp = new TempFolder();
        return ClaimExtractor.Extract(new DocumentLoader().LoadEssay(temp.Write("essay.md", markdown)));
    }

    [Fact]
    public void Extract_RepeatedParagraph_GivesOneClaimWithTwoOccurrences()
    {
        var claims = Extract("# Title\n\nThe model solved 31% of the tasks. It was fast.\n\nSomething else happens here today.\n\nThe model solved 31% of the tasks. It was fast.\n");

        var repeated = Assert.Single(claims, c => c.Text == "The model solved 31% of the tasks.");
        Assert.Equal(2, repeated.Occurrences.Count);
        Assert.Equal([3, 7], repeated.Occurrences.Select(o => o.Line));
        Assert.All(repeated.Occurrences, o => Assert.Equal(1, o.Column));
        Assert.Equal(3, claims.Count);
        Assert.DoesNotContain(claims, c => c.Text == "Title");
    }

    [Fact]
    public void Extract_WithALimit_StopsAtTheFirstClaimPastIt_AndUnderItGivesWhatTheUnlimitedExtractGives()
    {
        var essay = "The model solved 31% of the tasks. It was fast.\n\nThe model solved 31% of the tasks. Something else happens here.\n\n" +
            "A fourth claim of 12% is here. A fifth claim of 14% is here.\n";
        using var temp = new TempFolder();
        var doc = new DocumentLoader().LoadEssay(temp.Write("essay.md", essay));
        var all = ClaimExtractor.Extract(doc);
        Assert.Equal(5, all.Count);

        // Over the limit: the first limit + 1 claims, in essay order, and no more.
        var cut = ClaimExtractor.Extract(doc, 2);
        Assert.Equal(all.Take(3).Select(c => (c.Id, c.Text)), cut.Select(c => (c.Id, c.Text)));

        // At or under the limit: every claim with every occurrence, as without one.
        foreach (var limit in new[] { 5, 6 })
        {
            var within = ClaimExtractor.Extract(doc, limit);
            Assert.Equal(all.Select(c => (c.Id, c.Text, c.Occurrences.Count)), within.Select(c => (c.Id, c.Text, c.Occurrences.Count)));
        }
        Assert.Equal(2, all[0].Occurrences.Count);
    }

    [Fact]
    public void Extract_OccurrenceOffsetsPointAtTheSentenceInTheEssay()
    {
        var essay = "Intro paragraph is here.\n\nSecond line has a **bold** claim of 12%.\n";
        using var temp = new TempFolder();
        var doc = new DocumentLoader().LoadEssay(temp.Write("e.md", essay));

        var claim = ClaimExtractor.Extract(doc).Single(c => c.Text.Contains("12%", StringComparison.Ordinal));

        var o = Assert.Single(claim.Occurrences);
        Assert.Equal("Second line has a **bold** claim of 12%.", essay[o.Start..o.End]);
        Assert.Equal("Second line has a bold claim of 12%.", claim.Text);
        Assert.Equal((3, 1), (o.Line, o.Column));
    }

    [Theory]
    [InlineData("The card says \"the model rarely asserts claims\" in its honesty section.", ClaimKind.Quote, true)]
    [InlineData("According to Section 3.2, the teams were external.", ClaimKind.SectionReference, true)]
    [InlineData("The model solved 31% of professional challenges.", ClaimKind.Number, true)]
    [InlineData("The model was released by Meridian Labs.", ClaimKind.Factual, true)]
    [InlineData("I think this is an impressive release.", ClaimKind.Opinion, false)]
    [InlineData("In my view the safety story is less tidy.", ClaimKind.Opinion, false)]
    [InlineData("Is this the right approach?", ClaimKind.Opinion, false)]
    public void Build_ClassifiesKindAndCheckability(string sentence, ClaimKind kind, bool checkable)
    {
        var claim = ClaimExtractor.Build("C1", sentence, []);

        Assert.Equal(kind, claim.Kind);
        Assert.Equal(checkable, claim.Checkable);
    }

    [Fact]
    public void Build_SectionNumbersAreNotReadAsQuantities()
    {
        var claim = ClaimExtractor.Build("C1", "Section 1.2.4.4 says 40 expert-hours were spent.", []);

        Assert.Equal(["1.2.4.4"], claim.SectionReferences);
        Assert.Equal(["40 expert-hours"], claim.Numbers.Select(n => n.Text));
    }
}
