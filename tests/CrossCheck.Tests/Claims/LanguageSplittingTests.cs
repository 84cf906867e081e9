using CrossCheck.Claims;
using CrossCheck.Ingest;

namespace CrossCheck.Tests.Claims;

/// <summary>German and French quotation marks, sentence ends and headings.</summary>
public sealed class LanguageSplittingTests
{
    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToArray();

    [Fact]
    public void Split_AGermanClosingQuoteDoesNotOpenANewQuotation()
    {
        var text = "Die Autoren schreiben „Das Modell ist groß.“ Danach folgt ein Satz. Noch einer folgt hier. Und ein dritter Satz.";

        Assert.Equal(4, Sentences(text).Length);
    }

    [Fact]
    public void Split_KeepsSeveralSentencesInsideAGermanOrFrenchQuotationTogether()
    {
        var german = "Sie schreiben „Es wirkt. Es ist sicher.“ Kritiker widersprechen.";
        var french = "Ils écrivent « Cela marche. C'est sûr. » Les critiques ne sont pas d'accord.";
        var guillemets = "Sie schreiben »Es wirkt. Es ist sicher.« Kritiker widersprechen.";

        Assert.Equal(["Sie schreiben „Es wirkt. Es ist sicher.“", "Kritiker widersprechen."], Sentences(german));
        Assert.Equal(["Ils écrivent « Cela marche. C'est sûr. »", "Les critiques ne sont pas d'accord."], Sentences(french));
        Assert.Equal(2, Sentences(guillemets).Length);
    }

    [Fact]
    public void Split_KeepsGermanAbbreviationsAndOrdinalDatesInsideTheSentence()
    {
        var text = "Der Bericht erschien am 3. März 2012, vgl. S. 4 bzw. Abschnitt 2. Danach kam nichts.";

        Assert.Equal(["Der Bericht erschien am 3. März 2012, vgl. S. 4 bzw. Abschnitt 2.", "Danach kam nichts."], Sentences(text));
    }

    [Fact]
    public void Split_AHeadingIsNeverGluedToTheNextSentence()
    {
        var text = "3.2 Risk Models\nThe model has four parts. It is used widely.\nResults and Discussion\nThe team found 12 issues.";

        Assert.Equal(["3.2 Risk Models", "The model has four parts.", "It is used widely.", "Results and Discussion", "The team found 12 issues."], Sentences(text));
    }

    [Fact]
    public void Split_ATitleLikeLineThatRunsOnInLowerCaseIsOneSentence()
    {
        var text = "The Colossal Clean Crawled Corpus (C4) is\nbuilt from Common Crawl data.";

        Assert.Single(Sentences(text));
    }

    [Theory]
    [InlineData("Die Autoren nennen „carefully documenting datasets rather than ingesting everything“ als Weg.", "carefully documenting datasets rather than ingesting everything")]
    [InlineData("Les auteurs écrivent « carefully documenting datasets » dans leur conclusion.", "carefully documenting datasets")]
    [InlineData("Sie zitieren »the primary driver of increased performance« im Text.", "the primary driver of increased performance")]
    [InlineData("Sie zitieren ‚the primary driver of performance‘ im Text.", "the primary driver of performance")]
    public void Quotes_ReadsGermanAndFrenchQuotationMarks(string sentence, string quote) =>
        Assert.Equal(quote, Assert.Single(ClaimParts.Quotes(sentence)).Text);
}
