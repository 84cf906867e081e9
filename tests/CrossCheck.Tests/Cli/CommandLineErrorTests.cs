using CrossCheck.Cli;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Cli;

/// <summary>Mistyped commands, options and values get one friendly line and exit 2, never the parser's raw text.</summary>
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("check|essay.md|--sorce|s.pdf", "unknown option --sorce; did you mean --source?")]
    [InlineData("chek|essay.md", "unknown command 'chek'; did you mean 'check'?")]
    [InlineData("verify-log|runs/x|--kee|k.pem", "unknown option --kee; did you mean --key?")]
    [InlineData("check|essay.md|-s|s.pdf|--budget|abc", "--budget: cannot read 'abc' as a whole number")]
    [InlineData("check|essay.md|-s|s.pdf|--max-cost=lots", "--max-cost: cannot read 'lots' as a number")]
    [InlineData("check|essay.md|-s|s.pdf|--format|xml", "--format must be one of text, json, sarif, not 'xml'")]
    [InlineData("check|essay.md|-s|s.pdf|--essay-format|md", "--essay-format is for an essay read from standard input")]
    public void Check_WithAMistake_PrintsOneFriendlyLine(string commandLine, string expected)
    {
        var result = CliRunner.Run(_temp.Path, commandLine.Split('|'));

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable`1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoArguments_ShowsTheFirstRunHint()
    {
        var result = CliRunner.Run(_temp.Path);

        Assert.Contains("crosscheck sample", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sorce", "source")]
    [InlineData("fial-on", "fail-on")]
    [InlineData("verifylog", "verify-log")]
    [InlineData("zzzzzz", null)]
    public void Nearest_FindsTheIntendedNameOrNothing(string typed, string? expected)
    {
        string[] names = ["source", "fail-on", "format", "verify-log", "replay", "check", "sample"];

        Assert.Equal(expected, CommandLineHelp.Nearest(typed, names));
    }

    [Fact]
    public void Commands_AreFoundByReflection()
    {
        var commands = CommandLineHelp.Commands();

        Assert.Contains("check", commands.Keys);
        Assert.Contains("verify-log", commands.Keys);
        Assert.Contains("sample", commands.Keys);
    }
}
