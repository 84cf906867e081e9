using CrossCheck.Claims;

namespace CrossCheck.Tests.Claims;

public sealed class NumberExtractorTests
{
    [Theory]
    [InlineData("solved 12% of tasks", 12, "%", false)]
    [InlineData("solved 12 percent of tasks", 12, "%", false)]
    [InlineData("427x faster", 427, "x", false)]
    [InlineData("427\u00D7 faster", 427, "x", false)]
    [InlineData("a 427-fold speed-up", 427, "x", false)]
    [InlineData("a rate of ~100% overall", 100, "%", true)]
    [InlineData("about 40 expert-hours each", 40, "expert-hour", true)]
    [InlineData("a 16-person team", 16, "person", false)]
    [InlineData("measured as pass@30 here", 30, "pass@", false)]
    [InlineData("beyond 16,000 tokens", 16000, "token", false)]
    [InlineData("it scored 71.4 on the test", 71.4, "", false)]
    [InlineData("about 5.6k downloads", 5600, "download", true)]
    [InlineData("a budget of $4.6 million", 4.6e6, "$", false)]
    public void Extract_ReadsValueUnitAndApproximation(string text, double value, string unit, bool approximate)
    {
        var n = Assert.Single(NumberExtractor.Extract(text));

        Assert.Equal(value, n.Value, 6);
        Assert.Equal(unit, n.Unit);
        Assert.Equal(approximate, n.Approximate);
    }

    [Theory]
    [InlineData("Das Modell löste 71,4 % der Aufgaben.", 71.4, NumberKind.Percent)]
    [InlineData("Le modèle a résolu 97,5 % des tâches.", 97.5, NumberKind.Percent)]
    [InlineData("Le projet a demandé 1 234 heures de travail.", 1234, NumberKind.Count)]
    [InlineData("Le projet a demandé 1\u202F234 heures de travail.", 1234, NumberKind.Count)]
    [InlineData("Die Kosten lagen bei 284.000 Dollar für das Training.", 284000, NumberKind.Money)]
    [InlineData("Die Quote stieg auf 12,5 Prozent und nicht mehr.", 12.5, NumberKind.Percent)]
    [InlineData("The cost was 1,234.5 dollars in total.", 1234.5, NumberKind.Money)]
    [InlineData("It was 1.234 on average for the whole set.", 1.234, NumberKind.Count)]
    [InlineData("Es war etwa dreifach so schnell, 3-fach sogar, mit 2,5 Mio. Nutzern.", 2.5e6, NumberKind.Count)]
    public void Extract_ReadsDecimalCommasAndThousandsSeparatorsByLanguage(string text, double value, NumberKind kind)
    {
        var n = NumberExtractor.Extract(text).Last();

        Assert.Equal(value, n.Value, 6);
        Assert.Equal(kind, n.Kind);
    }

    [Fact]
    public void Extract_ReadsRanges()
    {
        var n = Assert.Single(NumberExtractor.Extract("between 3-5 days"));
        var words = Assert.Single(NumberExtractor.Extract("teams of 4 to 16 people"));

        Assert.Equal((3.0, 5.0), (n.Value, n.RangeEnd!.Value));
        Assert.Equal("day", n.Unit);
        Assert.Equal((4.0, 16.0), (words.Value, words.RangeEnd!.Value));
    }

    [Theory]
    [InlineData("GPT-4 and Claude-3 were compared")]
    [InlineData("see version 1.2.4.4 of the spec")]
    [InlineData("We compared it with Grok 4.1 and found it slower.")]
    [InlineData("The new GPT-5.2 release and Halcyon-3 were both tested.")]
    [InlineData("The window (0901-0401) was used for training.")]
    [InlineData("See Table 3 for the details.")]
    [InlineData("NISTIR 7653 and NIST SP 800 describe the programme.")]
    public void Extract_IgnoresNumbersInsideNamesCodesAndSectionNumbers(string text) =>
        Assert.Empty(NumberExtractor.Extract(text));

    [Theory]
    [InlineData("The paper appeared on 21 March 2021.", NumberKind.Date)]
    [InlineData("Der Bericht erschien am 3. März in Berlin.", NumberKind.Date)]
    [InlineData("It was published in 2012 by the institute.", NumberKind.Date)]
    [InlineData("In 12 cases the model failed.", NumberKind.Count)]
    public void Extract_TellsDatesFromCounts(string text, NumberKind kind) =>
        Assert.All(NumberExtractor.Extract(text), n => Assert.Equal(kind, n.Kind));

    [Fact]
    public void Extract_MarksThePartOfAnOfPhraseWithTheWholesUnit()
    {
        var numbers = NumberExtractor.Extract("In the study 0 of 16 participants dropped out.");

        Assert.Equal(2, numbers.Count);
        Assert.True(numbers[0].IsPart);
        Assert.Equal("participant", numbers[0].Unit);
        Assert.False(numbers[1].IsPart);
    }

    [Fact]
    public void Extract_FrenchDecimalCommaIsNotReadAsItsLastDigits()
    {
        var n = Assert.Single(NumberExtractor.Extract("Le taux atteint 97,5 % selon le rapport."));

        Assert.Equal(97.5, n.Value);
        Assert.Equal(1, n.Decimals);
    }
}
