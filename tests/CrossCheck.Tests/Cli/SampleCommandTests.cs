using System.Security.Cryptography;
using CrossCheck.Tests.Architecture;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Cli;

/// <summary><c>crosscheck sample</c> writes the same bytes every time, the bytes tracked in samples/, into a new folder by default.</summary>
public sealed class SampleCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Sample_TwiceWithoutOut_WritesTwoNewFoldersWithByteIdenticalFiles_EqualToTheTrackedSample()
    {
        var first = CliRunner.Run(_temp.Path, "sample");
        var second = CliRunner.Run(_temp.Path, "sample");

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.StdErr + second.StdErr);
        Assert.Contains("crosscheck-sample/source.pdf", first.StdOut, StringComparison.Ordinal);
        Assert.Contains("crosscheck-sample-2/source.pdf", second.StdOut, StringComparison.Ordinal);
        foreach (var file in new[] { "essay.md", "source.pdf" })
        {
            var a = Hash(_temp.File(Path.Combine("crosscheck-sample", file)));
            Assert.Equal(a, Hash(_temp.File(Path.Combine("crosscheck-sample-2", file))));
            Assert.True(a == Hash(Path.Combine(SourceTree.Root, "samples", file)), $"samples/{file} differs from what 'crosscheck sample' writes; regenerate it with 'crosscheck sample --out samples'");
        }
    }

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
