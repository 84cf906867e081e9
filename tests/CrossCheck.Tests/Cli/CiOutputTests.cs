using System.Text.RegularExpressions;
using System.Text.Json;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Cli;

/// <summary>What a docs pipeline gets from <c>check</c>: the JSON summary, the console's problem list, GitHub annotations and job summary, stdin essays.</summary>
public sealed class CiOutputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public CiOutputTests() => SampleGenerator.Write(_temp.File("in"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Json_PrintsOnlyTheRunSummary_WithCountsProblemClaimsFolderAndExitReason()
    {
        var result = CliRunner.Run(_temp.Path, "check", "in/essay.md", "--source", "in/source.pdf", "--run-id", "j", "--json", "--fail-on", "contradicted");

        Assert.Equal(1, result.ExitCode);
        using var summary = JsonDocument.Parse(result.StdOut);
        var root = summary.RootElement;
        Assert.Equal(1, root.GetProperty("exit_code").GetInt32());
        Assert.Contains("contradicted", root.GetProperty("exit_reason").GetString()!, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(_temp.Path, root.GetProperty("run_folder").GetString()!)));
        var counts = root.GetProperty("counts");
        Assert.Equal(root.GetProperty("claims").GetInt32(), counts.EnumerateObject().Sum(c => c.Value.GetInt32()));
        var problems = root.GetProperty("problem_claims").EnumerateArray().ToArray();
        Assert.Equal(
            counts.GetProperty("contradicted").GetInt32() + counts.GetProperty("not_in_source").GetInt32() + counts.GetProperty("partially_supported").GetInt32() + counts.GetProperty("failed").GetInt32(),
            problems.Length);
        Assert.Equal("contradicted", problems[0].GetProperty("verdict").GetString());
        Assert.True(problems[0].GetProperty("evidence_page").GetInt32() > 0);
    }

    [Fact]
    public void Console_ListsProblemClaimsAfterTheCounts_OnUnwrappedLinesWhenRedirected()
    {
        var result = CliRunner.Run(_temp.Path, "check", "in/essay.md", "--source", "in/source.pdf", "--quiet");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdOut.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("Problem claims (", StringComparison.Ordinal));
        Assert.True(header > Array.FindIndex(lines, l => l.Contains("contradicted", StringComparison.Ordinal)), result.StdOut);
        var contradiction = lines.Skip(header + 1).First();
        Assert.Matches(@"^\s+C\d+\s+contradicted\s+line \d+\s+source\.pdf p\. \d+: ", contradiction);
        // One claim, one line, however long: no wrapping at 80 columns in a CI log.
        Assert.True(contradiction.Length > 80, contradiction);
        Assert.Contains("31%", contradiction, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Length > 80 && l.StartsWith("To add an LLM panel", StringComparison.Ordinal));
    }

    [Fact]
    public void Console_ListsAtMostTwentyProblemClaims_AndSaysHowManyMoreTheReportsHold()
    {
        // 26 sentences, each quoting words the source does not hold: 26 problem claims.
        var essay = string.Join("\n\n", Enumerable.Range(1, 26).Select(i => $"The report states that \"quibbling zeppelins number {i} outran the marmalade\"."));
        File.WriteAllText(_temp.File("in/many.md"), essay);

        var result = CliRunner.Run(_temp.Path, "check", "in/many.md", "--source", "in/source.pdf", "--quiet");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StdOut.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("Problem claims (", StringComparison.Ordinal));
        Assert.True(header >= 0, result.StdOut);
        var total = int.Parse(lines[header]["Problem claims (".Length..lines[header].IndexOf(')', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 20, result.StdOut);
        var listed = lines.Skip(header + 1).TakeWhile(l => Regex.IsMatch(l, @"^\s+C\d+\s")).Count();
        Assert.Equal(20, listed);
        Assert.StartsWith($"  … and {total - 20} more problem claim(s): report.html lists them all", lines[header + 1 + listed], StringComparison.Ordinal);
    }

    [Fact]
    public void UnderGitHubActions_WritesAnnotationsAtTheEssayLineAndAJobSummary()
    {
        var summaryFile = _temp.File("step-summary.md");
        var env = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summaryFile, ["GITHUB_WORKSPACE"] = _temp.Path };

        var result = CliRunner.Run(_temp.Path, env, "check", "in/essay.md", "--source", "in/source.pdf", "--quiet");

        Assert.Equal(0, result.ExitCode);
        var annotations = result.StdOut.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToArray();
        Assert.Contains(annotations, a => a.StartsWith("::error file=in/essay.md,line=7,", StringComparison.Ordinal) && a.Contains("contradicted", StringComparison.Ordinal));
        Assert.Contains(annotations, a => a.StartsWith("::warning file=in/essay.md,", StringComparison.Ordinal));
        Assert.All(annotations, a => Assert.Matches("^::(error|warning|notice) file=[^:]+::.+ \\(evidence: ", a));
        var summary = File.ReadAllText(summaryFile);
        Assert.StartsWith("## CrossCheck: ", summary, StringComparison.Ordinal);
        Assert.Contains("| contradicted | 1 |", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void NotUnderGitHubActions_WritesNoAnnotations()
    {
        var result = CliRunner.Run(_temp.Path, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "" }, "check", "in/essay.md", "--source", "in/source.pdf", "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("::error", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Dash_ReadsTheEssayFromStandardInput_WithTheSameVerdictsAsTheFile()
    {
        var essay = File.ReadAllText(_temp.File("in/essay.md"));

        var fromFile = CliRunner.Run(_temp.Path, "check", "in/essay.md", "--source", "in/source.pdf", "--json", "--quiet");
        var fromStdin = CliRunner.RunWithInput(_temp.Path, essay, null, "check", "-", "--essay-format", "md", "--source", "in/source.pdf", "--json", "--quiet");

        Assert.True(fromStdin.ExitCode == 0, fromStdin.StdErr);
        using var a = JsonDocument.Parse(fromFile.StdOut);
        using var b = JsonDocument.Parse(fromStdin.StdOut);
        Assert.Equal(a.RootElement.GetProperty("counts").GetRawText(), b.RootElement.GetProperty("counts").GetRawText());
        Assert.Equal(
            a.RootElement.GetProperty("problem_claims").EnumerateArray().Select(p => (p.GetProperty("id").GetString(), p.GetProperty("line").GetInt32())),
            b.RootElement.GetProperty("problem_claims").EnumerateArray().Select(p => (p.GetProperty("id").GetString(), p.GetProperty("line").GetInt32())));
    }

    [Fact]
    public void Dash_WithNothingOnStandardInput_SaysSoInOneLine()
    {
        var result = CliRunner.RunWithInput(_temp.Path, "", null, "check", "-", "--source", "in/source.pdf");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nothing came on standard input", result.StdErr, StringComparison.Ordinal);
    }
}
