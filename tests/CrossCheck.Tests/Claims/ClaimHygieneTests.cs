using CrossCheck.Claims;
using CrossCheck.Ingest;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Claims;

/// <summary>What is not a checkable claim: rhetoric, banners, metadata, headings, table rows, footnotes, names with versions.</summary>
public sealed class ClaimHygieneTests
{
    private static IReadOnlyList<Claim> Extract(string name, string text)
    {
        using var temp = new TempFolder();
        return ClaimExtractor.Extract(new DocumentLoader().LoadEssay(temp.Write(name, text)));
    }

    [Theory]
    [InlineData("That can't end well.")]
    [InlineData("Time will tell whether the 2012 guidance holds.")]
    [InlineData("Page 3 of 12")]
    [InlineData("Author: Jane Example, 12 March 2024")]
    [InlineData("## 3 Results in 2020")]
    [InlineData("| Model | GLUE | 83.28 |")]
    [InlineData("[^1]: See the 2012 edition, p. 4.")]
    [InlineData("DRAFT 2 NOT FOR DISTRIBUTION")]
    [InlineData("Ich denke, das Modell ist zu groß.")]
    [InlineData("À mon avis, le rapport est trop long.")]
    public void Build_IsNotCheckable(string sentence) =>
        Assert.False(ClaimExtractor.Build("C1", sentence, []).Checkable);

    [Theory]
    [InlineData("We compared it with Grok 4.1 and GPT-5.2 on the same tasks.")]
    [InlineData("Halcyon-3 is the model the report describes.")]
    public void Build_ModelNamesWithDigitsAreNotNumbers(string sentence)
    {
        var claim = ClaimExtractor.Build("C1", sentence, []);

        Assert.Empty(claim.Numbers);
        Assert.NotEqual(ClaimKind.Number, claim.Kind);
    }

    [Fact]
    public void Extract_PlainTextHeadingIsNotGluedToTheNextSentence()
    {
        var claims = Extract("e.txt", "Environmental Cost\nTraining the model emitted 284 tonnes of CO2.\n");

        Assert.Contains(claims, c => c.Text == "Training the model emitted 284 tonnes of CO2." && c.Checkable);
        Assert.Contains(claims, c => c.Text == "Environmental Cost" && !c.Checkable);
    }

    [Fact]
    public void Extract_MarkdownTableRowsAndFootnotesAreNotClaims()
    {
        var claims = Extract("e.md", "The model scored 83.28 on GLUE.[^1]\n\n| Model | GLUE |\n|---|---|\n| Base | 83.28 |\n\n[^1]: Table 14 of the paper.\n");

        var claim = Assert.Single(claims, c => c.Checkable);
        Assert.Equal("The model scored 83.28 on GLUE.", claim.Text);
    }

    [Fact]
    public void Extract_SentencesThatDifferOnlyInSpacingAreOneClaim()
    {
        var claims = Extract("e.md", "The model solved 71.4 % of tasks.\n\nSomething else is said here.\n\nThe model solved 71.4% of tasks.\n");

        Assert.Equal(2, claims.Count);
        Assert.Equal(2, claims[0].Occurrences.Count);
    }

    [Fact]
    public void Extract_AGermanQuotationOfSeveralSentencesDoesNotSwallowTheParagraph()
    {
        var claims = Extract("e.md", "Die Autoren schreiben „Wir hoffen es.“ Das Modell hat 11 Milliarden Parameter. Es wurde 2019 veröffentlicht.\n");

        Assert.Equal(3, claims.Count);
    }
}
