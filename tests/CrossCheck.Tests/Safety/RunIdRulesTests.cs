using CrossCheck.Safety;

namespace CrossCheck.Tests.Safety;

public sealed class RunIdRulesTests
{
    [Theory]
    [InlineData("run 1")]
    [InlineData("run\n1")]
    [InlineData("run\t1")]
    [InlineData("run\u200F1")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("a..b")]
    [InlineData("")]
    public void Problem_UnsafeIds_AreRefused(string id) => Assert.NotNull(RunIdRules.Problem(id));

    [Fact]
    public void Problem_TooLong_SaysTheLimit() =>
        Assert.Contains("64", RunIdRules.Problem(new string('a', 300)));

    [Theory]
    [InlineData("20261129-0855-ab12")]
    [InlineData("my_run.v2")]
    public void Problem_SafeIds_Accepted(string id) => Assert.Null(RunIdRules.Problem(id));
}
