using CrossCheck.Provenance;
using CrossCheck.Provenance.Verification;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Provenance;

/// <summary>A finished run's log must end with run_end: a log cut at a line boundary is reported, not "chain holds".</summary>
public sealed class CutTailTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string FinishedRun(int records, bool withRunEnd)
    {
        var folder = _temp.File("run");
        Directory.CreateDirectory(folder);
        using (var log = new ProvenanceLog(Path.Combine(folder, "provenance.jsonl"), TimeProvider.System))
        {
            log.Append("run_start", new { run_id = "r" });
            for (var i = 1; i < records; i++)
            {
                log.Append("check", new { claim = $"C{i}" });
            }
            if (withRunEnd)
            {
                log.Append("run_end", new { run_id = "r" });
            }
        }
        File.WriteAllText(Path.Combine(folder, "run.json"), """{"format":"crosscheck.run/1","run_id":"r","complete":true}""");
        return folder;
    }

    [Fact]
    public void VerifyRun_WhenAFinishedRunsLogEndsWithRunEnd_Holds()
    {
        var result = ProvenanceVerifier.VerifyRun(FinishedRun(4, withRunEnd: true));

        Assert.True(result.ChainHolds, result.ToString());
    }

    [Fact]
    public void VerifyRun_WhenAFinishedRunsLogLacksRunEnd_ReportsACutTail()
    {
        var result = ProvenanceVerifier.VerifyRun(FinishedRun(4, withRunEnd: false));

        Assert.False(result.ChainHolds);
        Assert.Equal(ChainBreakKind.CutTail, result.Break!.Kind);
        Assert.Contains("run_end", result.Break.Reason, StringComparison.Ordinal);
        Assert.Contains("run.json", result.Break.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyRun_WhenAnUnfinishedRunLacksRunEnd_Holds()
    {
        var folder = FinishedRun(3, withRunEnd: false);
        File.Delete(Path.Combine(folder, "run.json"));

        Assert.True(ProvenanceVerifier.VerifyRun(folder).ChainHolds);
    }

    [Fact]
    public void VerifyLog_WhenTheLastRecordsOfAFinishedRunAreCut_SaysSoAndExitsFour()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));
        Assert.Equal(0, CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", "runs", "--run-id", "r", "--quiet").ExitCode);
        var log = Path.Combine(_temp.Path, "runs", "r", "provenance.jsonl");
        var lines = File.ReadAllLines(log);
        Assert.Contains("\"run_end\"", lines[^1], StringComparison.Ordinal);
        File.WriteAllLines(log, lines[..^3]);

        var result = CliRunner.Run(_temp.Path, "verify-log", "runs/r");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("cut", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("run_end", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("chain holds", result.StdOut, StringComparison.Ordinal);
    }
}
