using CrossCheck.Checks;

namespace CrossCheck.Tests.Checks;

/// <summary>The word index finds every place a piece stands, as a scan of the text would, for pieces of any length.</summary>
public sealed class WordIndexTests
{
    private const string Text =
        "The bear ate 3.5 kg of pears, and the bears' bearing was unbearable. U.S. data: 1,000 of 12,500 (8%) rose.\n" +
        "Don't re-run the pre-training; the beard, the bear and the bearer bear it. Pear, pearl, appear; bear.";

    public static TheoryData<string> ShortPieces =>
    [
        "bear", "ear", "bea", "the bear", "he bea", "bear and", "ear, pea", "3.5", ".5 k", "3.5 kg", "U.S.", "S. da",
        "1,000", ",000 of 12", "Don't", "on't re", "re-run", "-run", "pre-training;", "ing;", "pear", "PEAR", "bear.",
        "r, pearl", "e", "8%", "(8%)", "%) rose", "zzz", "bear zzz", "rose.\nDon", "; bear.",
    ];

    [Theory]
    [MemberData(nameof(ShortPieces))]
    public void Occurrences_OfAQuoteOfOneOrTwoWords_AreEveryPlaceAScanFinds(string piece)
    {
        var index = new WordIndex(Text);

        Assert.Equal(WordIndex.Scan(Text, piece), index.Occurrences(piece));
    }

    [Fact]
    public void Occurrences_OfEverySubstringOfUpToTwelveCharacters_AreEveryPlaceAScanFinds()
    {
        var index = new WordIndex(Text);
        for (var start = 0; start < Text.Length; start++)
        {
            for (var length = 1; length <= 12 && start + length <= Text.Length; length++)
            {
                var piece = Text.Substring(start, length);
                Assert.True(WordIndex.Scan(Text, piece).SequenceEqual(index.Occurrences(piece)), $"\"{piece}\"");
            }
        }
    }
}
