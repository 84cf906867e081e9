using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Ingest;

public sealed class InvisibleAndSectionTests
{
    private static Document LoadText(string text, string name = "s.txt")
    {
        using var temp = new TempFolder();
        return new DocumentLoader().LoadSource(temp.Write(name, text), "S1");
    }

    [Theory]
    [InlineData("zero\u200Bwidth\u200Bspaces", "zerowidthspaces")]
    [InlineData("joiner\u200D and non\u200Cjoiner", "joiner and nonjoiner")]
    [InlineData("\uFEFFbyte order mark", "byte order mark")]
    [InlineData("\uF03C bullet from a symbol font", "bullet from a symbol font")]
    [InlineData("bell\u0007 and escape\u001B", "bell and escape")]
    [InlineData("word\u2060joiner and \u200Eleft-to-right mark", "wordjoiner and left-to-right mark")]
    public void Normalize_InvisibleCharacters_AreInvisibleToMatching(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input).Text);

    [Fact]
    public void Check_QuoteInATextWrappedInZeroWidthSpaces_IsFoundWhereItStands()
    {
        var doc = LoadText("Intro.\n\u200BThe\u200B \u200Bmodel\u200B \u200Brefused\u200B \u200Ball\u200B \u200Brequests.\u200B\n");
        using var corpus = new SourceCorpus([doc]);

        var result = new QuoteCheck(corpus).Check("The model refused all requests.");

        Assert.True(result.Verified);
        Assert.StartsWith("The", result.Location!.Text.TrimStart('\u200B'), StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_HeadingWithInvisibleCharacters_IsFoundAtItsPlace()
    {
        var text = "Intro text.\n\u200B2.3\u200B Key\u00AD Risk Concepts\u200B\nBody of the section.\n";

        var doc = LoadText(text);

        var section = Assert.Single(doc.Sections);
        Assert.Equal("2.3", section.Number);
        Assert.Equal("Key Risk Concepts", section.Title);
        Assert.Equal(text.IndexOf("2.3", StringComparison.Ordinal), section.Start);
    }

    [Fact]
    public void Detect_TableOfContentsLines_AreNotHeadingsAndDoNotWinOverTheRealOne()
    {
        var doc = LoadText("""
            Table of Contents
            2.3 Key Risk Concepts ............................ 15
            2.4 Application of Risk Assessments .............. 17
            1 Introduction
            Text.
            2 The Fundamentals
            2.3 Key Risk Concepts
            Risk is a function of likelihood and impact.
            2.4 Application of Risk Assessments
            More text.
            """);

        Assert.Equal(["1", "2", "2.3", "2.4"], doc.Sections.Select(s => s.Number));
        var offset = doc.Text.IndexOf("likelihood and impact", StringComparison.Ordinal);
        Assert.Equal("2.3", doc.SectionAt(offset)?.Number);
    }

    [Fact]
    public void Detect_DecimalsAndListItems_AreNotHeadings()
    {
        var doc = LoadText("""
            3.4 Results
            Our model is
            0.3 F1 behind the baseline and
            3.5 Incident Handling Checklist
            1 Determine whether an incident has occurred
            2 Analyze the precursors and indicators
            6 How would the team prioritize the handling of this incident?
            3.6 Recommendations
            Text.
            """);

        Assert.Equal(["3.4", "3.5", "3.6"], doc.Sections.Select(s => s.Number));
        Assert.Equal("3.6", doc.SectionAt(doc.Text.IndexOf("Text.", StringComparison.Ordinal))?.Number);
        Assert.Equal("3.5", doc.SectionAt(doc.Text.IndexOf("Analyze", StringComparison.Ordinal))?.Number);
    }

    [Fact]
    public void Detect_AppendixHeadings_AreSections()
    {
        var doc = LoadText("""
            1 Introduction
            Text.
            2 Method
            Text.
            Appendix A Data Sheets
            Some data.
            A.1 Collection
            How it was collected.
            APPENDIX B: GLOSSARY
            Words.
            """);

        Assert.Equal(["1", "2", "A", "A.1", "B"], doc.Sections.Select(s => s.Number));
        Assert.Equal("Data Sheets", doc.Sections.Single(s => s.Number == "A").Title);
        Assert.Equal("A.1", doc.SectionAt(doc.Text.IndexOf("collected", StringComparison.Ordinal))?.Number);
        Assert.Equal("GLOSSARY", doc.Sections.Single(s => s.Number == "B").Title);
    }
}
