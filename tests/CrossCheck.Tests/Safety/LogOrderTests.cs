using CrossCheck.Provenance;
using CrossCheck.Provenance.Verification;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Safety;

/// <summary>
/// Swapped log lines are reported as reordered, not deleted; an unfinished run whose log is broken names the way out
/// instead of blocking every rerun.
/// </summary>
public sealed class LogOrderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string WriteLog(int records)
    {
        var path = _temp.File("provenance.jsonl");
        using var log = new ProvenanceLog(path, TimeProvider.System);
        for (var i = 0; i < records; i++)
        {
            log.Append("event", new { index = i, nested = new { seq = 99 - i } });
        }
        return path;
    }

    [Theory]
    [InlineData(1, 2)] // two neighbours swapped
    [InlineData(1, 4)] // a record moved to the end
    [InlineData(4, 1)] // the last record moved up
    public void Verify_WhenRecordsAreMoved_ReportsThemReorderedNotDeleted(int from, int to)
    {
        var path = WriteLog(5);
        var lines = File.ReadAllLines(path).ToList();
        var moved = lines[from];
        lines.RemoveAt(from);
        lines.Insert(to, moved);
        File.WriteAllLines(path, lines);

        var broken = ProvenanceVerifier.Verify(path).Break!;

        Assert.Equal(ChainBreakKind.RecordsReordered, broken.Kind);
        Assert.Contains("reordered", broken.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("were deleted", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WhenARecordIsDeleted_StillSaysDeleted()
    {
        var path = WriteLog(5);
        var lines = File.ReadAllLines(path).ToList();
        lines.RemoveAt(2);
        File.WriteAllLines(path, lines);

        Assert.Equal(ChainBreakKind.RecordsDeleted, ProvenanceVerifier.Verify(path).Break!.Kind);
    }

    [Fact]
    public void VerifyLog_RunWithTwoLinesSwapped_SaysReordered()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        var run = CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", "runs", "--run-id", "s", "--quiet");
        Assert.True(run.ExitCode == 0, run.StdErr);
        var log = Path.Combine(_temp.Path, "runs", "s", "provenance.jsonl");
        var lines = File.ReadAllLines(log);
        (lines[3], lines[4]) = (lines[4], lines[3]);
        File.WriteAllLines(log, lines);

        var result = CliRunner.Run(_temp.Path, "verify-log", Path.Combine("runs", "s"));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("reordered", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("were deleted", result.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Check_UnfinishedRunWithABrokenLog_NamesTheWayOutAndKeepsTheFolder(bool withRunId)
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        string[] args = ["check", essay, "--source", source, "--out", "runs", "--quiet", .. withRunId ? new[] { "--run-id", "b" } : []];
        var first = CliRunner.Run(_temp.Path, args);
        Assert.True(first.ExitCode == 0, first.StdErr);
        // Turn the finished run into an unfinished one whose log is broken in the middle (as a bad disk or an edit would).
        var runs = Path.Combine(_temp.Path, "runs");
        var finished = Directory.GetDirectories(runs).Single();
        var partial = Path.Combine(runs, $".{Path.GetFileName(finished)}.partial");
        Directory.CreateDirectory(partial);
        var lines = File.ReadAllLines(Path.Combine(finished, "provenance.jsonl"))[..^1];
        lines[2] = lines[2].Replace("\"seq\":2", "\"seq\":2,\"edited\":true", StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(partial, "provenance.jsonl"), lines);
        Directory.Delete(finished, recursive: true);

        var again = CliRunner.Run(_temp.Path, args);

        Assert.Equal(2, again.ExitCode);
        var message = Assert.Single(again.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot be resumed", message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(partial), message, StringComparison.Ordinal);
        Assert.Contains(withRunId ? "another --run-id" : "--no-resume", message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(partial, "provenance.jsonl")), "the broken unfinished run was deleted");

        var wayOut = CliRunner.Run(_temp.Path, withRunId ? [.. args[..^1], "b2"] : [.. args, "--no-resume"]);
        Assert.True(wayOut.ExitCode == 0, wayOut.StdErr);
    }
}
