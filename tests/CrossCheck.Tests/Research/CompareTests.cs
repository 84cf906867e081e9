using CrossCheck.Compare;
using CrossCheck.Samples;
using CrossCheck.Tests.Emulator;
using CrossCheck.Tests.Panel;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Research;

/// <summary><c>crosscheck compare</c>: claims matched by text, with position as a fallback (scripted answers are test fixtures).</summary>
public sealed class CompareTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Matcher_PairsByTextThenSimilarityThenPosition()
    {
        string[] before = ["Alpha is one.", "Beta rose 5% in May.", "Gamma was sold.", "Delta closed early.", "Omega."];
        string[] after = ["Alpha is one.", "Beta rose 6% in May.", "Delta closed early.", "A new sentence entirely.", "Omega.", "Omega."];

        var matches = ClaimMatcher.Match(before, after);

        Assert.Equal(ClaimChange.Reworded, Assert.Single(matches, m => m.After == 1).Change);
        Assert.Equal(1, matches.Single(m => m.After == 1).Before);
        Assert.Equal(ClaimChange.Removed, Assert.Single(matches, m => m.Before == 2).Change);
        Assert.Equal(ClaimChange.Added, Assert.Single(matches, m => m.After == 3).Change);
        Assert.Equal(ClaimChange.Added, Assert.Single(matches, m => m.After == 5).Change); // a repeat pairs one to one
        Assert.Equal(3, matches.Count(m => m.Change == ClaimChange.Unchanged));
    }

    [Fact]
    public void Matcher_WhenASentenceIsRewrittenInPlace_PairsItByPosition()
    {
        string[] before = ["First stays.", "The launch slipped to March because of supply problems.", "Last stays."];
        string[] after = ["First stays.", "Supply problems delayed the launch until spring.", "Last stays."];

        var match = Assert.Single(ClaimMatcher.Match(before, after), m => m.After == 1);

        Assert.Equal(ClaimChange.Reworded, match.Change);
        Assert.Equal(1, match.Before);
    }

    [Fact]
    public async Task Compare_OfTwoRunsWithOneEditOneInsertOneRemoval_ReportsExactlyThoseThree()
    {
        var script = new PanelScript { VerdictFor = PanelScript.SampleVerdict };
        await using var emulator = new ProviderEmulator(script.Answer);
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var panel = "anthropic:claude-opus-4-6,openai:gpt-5.2-pro";
        Assert.Equal(0, CliRunner.Run(_temp.Path, ResearchRuns.Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "a", "--panel", panel, "--quiet", "--no-extract").ExitCode);
        ResearchRuns.EditDraft(essay, removeOne: true);
        Assert.Equal(0, CliRunner.Run(_temp.Path, ResearchRuns.Env(emulator), "check", essay, "--source", source, "--out", "runs", "--run-id", "b", "--panel", panel, "--quiet", "--no-extract").ExitCode);

        var result = CliRunner.Run(_temp.Path, new Dictionary<string, string>(), "compare", "runs/a", "runs/b", "--out", "cmp");

        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        var json = ResearchRuns.Json(Path.Combine(_temp.Path, "cmp", "compare.json"));
        var changed = json.GetProperty("claims").EnumerateArray().Where(c => c.GetProperty("change").GetString() != "unchanged").ToArray();
        Assert.Equal(3, changed.Length);
        var reworded = Assert.Single(changed, c => c.GetProperty("change").GetString() == "reworded");
        Assert.Equal(ResearchRuns.EditedFrom, reworded.GetProperty("before_text").GetString());
        Assert.Equal(ResearchRuns.EditedTo, reworded.GetProperty("after_text").GetString());
        Assert.Equal(ResearchRuns.Inserted, Assert.Single(changed, c => c.GetProperty("change").GetString() == "added").GetProperty("after_text").GetString());
        Assert.Equal(ResearchRuns.RemovedSentence, Assert.Single(changed, c => c.GetProperty("change").GetString() == "removed").GetProperty("before_text").GetString());
        Assert.Equal(1, json.GetProperty("counts").GetProperty("added").GetInt32());
        Assert.Contains("1 reworded, 1 added, 1 removed", result.StdOut, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(_temp.Path, "cmp", "compare.html"));
        Assert.Contains("<tr class=\"removed\">", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_temp.Path, "cmp", "compare.md")));
    }

    [Fact]
    public void Compare_OfAFolderThatIsNoRun_SaysSoInOneLine()
    {
        var result = CliRunner.Run(_temp.Path, new Dictionary<string, string>(), "compare", "nowhere", "elsewhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no matrix.json", result.StdErr, StringComparison.Ordinal);
    }
}
