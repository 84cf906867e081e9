using CrossCheck.Safety;

namespace CrossCheck.Tests.Safety;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    public void Neutralise_FormulaStarts_GetAnApostrophe(string cell, string expected) =>
        Assert.Equal(expected, CsvCell.Neutralise(cell));

    [Theory]
    [InlineData("The model scored 71.4%.")]
    [InlineData("-3.5")]
    [InlineData("+12")]
    [InlineData("")]
    [InlineData("a=b")]
    public void Neutralise_OrdinaryTextAndNumbers_Unchanged(string cell) => Assert.Equal(cell, CsvCell.Neutralise(cell));
}
