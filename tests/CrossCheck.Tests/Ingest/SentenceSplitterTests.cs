using CrossCheck.Claims;
using CrossCheck.Ingest;

namespace CrossCheck.Tests.Ingest;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToArray();

    [Fact]
    public void Split_KeepsAbbreviationsInitialsAndDecimalsInsideTheSentence()
    {
        var text = "Dr. Smith et al. reported a 3.5% gain, e.g. on coding. J. R. Doe disagreed, i.e. he did not. The U.S. team agreed.";

        Assert.Equal(
            ["Dr. Smith et al. reported a 3.5% gain, e.g. on coding.", "J. R. Doe disagreed, i.e. he did not.", "The U.S. team agreed."],
            Sentences(text));
    }

    [Fact]
    public void Split_KeepsSectionNumbersAndVersionsWhole()
    {
        var text = "Section 1.2.4.4 covers it. Version 2.0 shipped. See sec. 3 for more.";

        Assert.Equal(["Section 1.2.4.4 covers it.", "Version 2.0 shipped.", "See sec. 3 for more."], Sentences(text));
    }

    [Fact]
    public void Split_DoesNotBreakInsideAQuotationThatHoldsSeveralSentences()
    {
        var text = "The card says \u201CIt works. It is safe.\u201D Critics disagree. He wrote \"One. Two.\" and left.";

        Assert.Equal(["The card says \u201CIt works. It is safe.\u201D", "Critics disagree.", "He wrote \"One. Two.\" and left."], Sentences(text));
    }

    [Fact]
    public void Split_KeepsAnEllipsisFollowedByLowerCaseInOneSentence()
    {
        var text = "They \"don't have an alternative evaluation... readily available\" for this. Next one.";

        Assert.Equal(["They \"don't have an alternative evaluation... readily available\" for this.", "Next one."], Sentences(text));
    }

    [Fact]
    public void Split_BreaksAtParagraphsEvenWithoutFinalPunctuation()
    {
        var text = "A heading without a period\n\nThe first sentence. The second!";

        Assert.Equal(["A heading without a period", "The first sentence.", "The second!"], Sentences(text));
    }
}
