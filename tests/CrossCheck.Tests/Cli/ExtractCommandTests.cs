using CrossCheck.Tests.Architecture;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Cli;

/// <summary><c>crosscheck extract</c> shows what CrossCheck read: the text page by page, set-aside spans marked, sections on stderr.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string SamplePdf => Path.Combine(SourceTree.Root, "samples", "source.pdf");

    [Fact]
    public void Extract_SamplePdf_WritesEachPageAndMarksTheRunningFooter()
    {
        var result = CliRunner.Run(_temp.Path, "extract", SamplePdf);

        Assert.True(result.ExitCode == 0, result.StdErr);
        var pages = result.StdOut.Split('\f');
        Assert.Equal(5, pages.Length);
        Assert.Contains("This system card describes Halcyon-3, a general-purpose language model released by", pages[0], StringComparison.Ordinal);
        // The running footer is read (nothing is lost) but shown as set aside from matching.
        Assert.Contains("⟦Halcyon-3 System Card - page 1 of 5⟧", pages[0], StringComparison.Ordinal);
        Assert.Contains("5 page(s)", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("section 1.1", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_WithSections_ListsEachSectionWithItsPage()
    {
        var result = CliRunner.Run(_temp.Path, "extract", SamplePdf, "--sections", "-o", "out.txt");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains("section 1.1 Scope of this card (page 1)", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("section 2 Capabilities (page 2)", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_WithOutAndVerbose_BothPathsWriteTheSameText()
    {
        // "-o" alone takes the fast path; adding --verbose goes through the command-line parser.
        var fast = CliRunner.Run(_temp.Path, "extract", SamplePdf, "-o", "fast.txt");
        var parsed = CliRunner.Run(_temp.Path, "extract", SamplePdf, "--out", "parsed.txt", "--verbose");

        Assert.True(fast.ExitCode == 0 && parsed.ExitCode == 0, fast.StdErr + parsed.StdErr);
        Assert.Equal("", fast.StdOut);
        Assert.Contains("text in fast.txt", fast.StdErr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(_temp.File("fast.txt")), File.ReadAllText(_temp.File("parsed.txt")));
        Assert.Contains("Halcyon-3", File.ReadAllText(_temp.File("fast.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_CorruptPdf_OneLineAndExit2()
    {
        File.WriteAllBytes(_temp.File("bad.pdf"), BadFiles.CorruptPdf());

        var result = CliRunner.Run(_temp.Path, "extract", "bad.pdf");

        Assert.Equal(2, result.ExitCode);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("crosscheck: error: bad.pdf:", lines[0], StringComparison.Ordinal);
    }
}
