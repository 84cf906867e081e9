using CrossCheck.Ingest;

namespace CrossCheck.Tests.Ingest;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ef\uFB01cient", "efficient")]
    [InlineData("the \uFB02ow of e\uFB00ects", "the flow of effects")]
    [InlineData("\u201CQuoted\u201D and \u2018single\u2019", "\"quoted\" and 'single'")]
    [InlineData("a\u00A0non\u2011breaking\u202Fspace", "a non-breaking space")]
    [InlineData("en\u2013dash em\u2014dash minus\u2212sign", "en-dash em-dash minus-sign")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("many   spaces\n\tand\r\nlines", "many spaces and lines")]
    [InlineData("wait\u2026 what", "wait... what")]
    [InlineData("427\u00D7 faster", "427x faster")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("Cafe\u0301", "caf\u00E9")]
    public void Normalize_FoldsForMatching(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input).Text);

    [Theory]
    [InlineData("the evalu-\nation was", "the evaluation was")]
    [InlineData("the evalu-  \r\n   ation was", "the evaluation was")]
    [InlineData("the evalu\u00AD\nation was", "the evaluation was")]
    public void Normalize_JoinsWordHyphenatedAcrossLineEnd(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input).Text);

    [Theory]
    [InlineData("well-known result", "well-known result")]
    [InlineData("pages 3-\nThe end", "pages 3- the end")]
    [InlineData("GPT-\n4", "gpt- 4")]
    public void Normalize_KeepsHyphensThatAreNotLineEndHyphenation(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input).Text);

    [Fact]
    public void ToOriginal_MapsAFoldedHitBackToTheOriginalCharacters()
    {
        var original = "Intro.\n\u201CThe e\uFB03cient evalu-\nation\u201D\u00A0ended.";
        var normalized = TextNormalizer.Normalize(original);
        var needle = "\"the efficient evaluation\"";
        var at = normalized.Text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, normalized.Text);

        var (start, length) = normalized.ToOriginal(at, needle.Length);

        Assert.Equal("\u201CThe e\uFB03cient evalu-\nation\u201D", original.Substring(start, length));
    }

    [Fact]
    public void ToOriginal_MapsLigaturePartsToTheWholeLigature()
    {
        var original = "e\uFB03cient";
        var normalized = TextNormalizer.Normalize(original);
        Assert.Equal("efficient", normalized.Text);

        var (start, length) = normalized.ToOriginal(2, 1);

        Assert.Equal("\uFB03", original.Substring(start, length));
    }

    [Fact]
    public void IndexOfInvisible_FindsEveryCharacterIsInvisibleNames_AndOnlyThose()
    {
        // Every UTF-16 code unit, placed after a run of plain ASCII longer than one vector.
        var prefix = new string('a', 100) + "\n\t";
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = prefix + (char)c + "z";
            Assert.Equal(TextNormalizer.IsInvisible((char)c) ? prefix.Length : -1, TextNormalizer.IndexOfInvisible(text));
        }
        Assert.Equal(-1, TextNormalizer.IndexOfInvisible(""));
        Assert.Equal(3, TextNormalizer.IndexOfInvisible("ab\u00e9\u200bc\u200b"));
    }
}
