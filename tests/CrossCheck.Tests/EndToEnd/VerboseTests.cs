using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.EndToEnd;

public sealed class VerboseTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Check_WithVerbose_LogsEveryStepOfThePipelineToStderr()
    {
        var (essay, source) = SampleGenerator.Write(_temp.File("sample"));

        var quiet = CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", "runs", "--run-id", "q", "--quiet");
        var verbose = CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", "runs", "--run-id", "v", "--quiet", "--verbose");

        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal(0, verbose.ExitCode);
        Assert.DoesNotContain("step ", quiet.StdErr, StringComparison.Ordinal);
        foreach (var step in new[] { "ingest", "open", "index", "claims", "check", "panel", "report" })
        {
            Assert.Contains($"step {step} done", verbose.StdErr, StringComparison.Ordinal);
        }
        Assert.Equal(File.ReadAllText(Path.Combine(_temp.Path, "runs", "q", "matrix.csv")), File.ReadAllText(Path.Combine(_temp.Path, "runs", "v", "matrix.csv")));
    }
}
