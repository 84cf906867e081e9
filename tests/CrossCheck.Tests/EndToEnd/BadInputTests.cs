using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.EndToEnd;

/// <summary>Every input error a user can make ends in one clear line naming the file, exit code 2, no stack trace and no run folder.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _essay;
    private readonly string _source;

    public BadInputTests()
    {
        (_essay, _source) = SampleGenerator.Write(_temp.File("sample"));
    }

    public void Dispose() => _temp.Dispose();

    private CliRunner.Result Check(string essay, string source, IReadOnlyDictionary<string, string>? env = null) =>
        CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--quiet");

    private void AssertInputError(CliRunner.Result result, string file, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        var lines = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("crosscheck: error: ", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at CrossCheck", result.StdErr, StringComparison.Ordinal);
        var runs = Path.Combine(_temp.Path, "runs");
        Assert.True(!Directory.Exists(runs) || Directory.GetFileSystemEntries(runs).Length == 0, "no run folder may be left behind");
    }

    [Fact]
    public void Check_WhenEssayIsMissing_SaysNotFound()
    {
        var missing = _temp.File("nope.md");
        AssertInputError(Check(missing, _source), missing, "essay file not found");
    }

    [Fact]
    public void Check_WhenSourcePdfIsCorrupt_SaysCorrupt()
    {
        var bad = _temp.Write("bad.pdf", BadFiles.CorruptPdf());
        AssertInputError(Check(_essay, bad), bad, "seems corrupt");
    }

    [Fact]
    public void Check_WhenSourcePdfIsEncrypted_SaysEncrypted()
    {
        var locked = _temp.Write("locked.pdf", BadFiles.EncryptedPdf());
        AssertInputError(Check(_essay, locked), locked, "the PDF is encrypted");
    }

    [Fact]
    public void Check_WhenSourcePdfHasNoTextLayer_AsksForOcr()
    {
        var scan = _temp.Write("scan.pdf", BadFiles.ScannedPdf());
        AssertInputError(Check(_essay, scan), scan, "no text layer");
    }

    [Fact]
    public void Check_WhenPdfExtensionHidesAnotherFile_SaysNotAPdf()
    {
        var fake = _temp.Write("fake.pdf", "just text");
        AssertInputError(Check(_essay, fake), fake, "is not a PDF");
    }

    [Fact]
    public void Check_WhenEssayIsEmpty_SaysEmpty()
    {
        var empty = _temp.Write("empty.md", "  \n\n ");
        AssertInputError(Check(empty, _source), empty, "the essay is empty");
    }

    [Fact]
    public void Check_WhenEssayIsBinary_SaysBinary()
    {
        var binary = _temp.Write("program.txt", BadFiles.Binary());
        AssertInputError(Check(binary, _source), binary, "looks like a binary file");
    }

    [Fact]
    public void Check_WhenEssayIsNotUtf8_SaysHowToConvert()
    {
        var latin = _temp.Write("latin.txt", BadFiles.Latin1Text());
        AssertInputError(Check(latin, _source), latin, "is not UTF-8 text");
    }

    [Fact]
    public void Check_WhenExtensionIsUnknown_ListsAcceptedTypes()
    {
        var odt = _temp.Write("essay.odt", "whatever");
        AssertInputError(Check(odt, _source), odt, "unknown essay file type '.odt'; accepted: .pdf, .docx, .md, .txt");
    }

    [Fact]
    public void Check_WhenEssayIsOverTheSizeLimit_NamesTheLimit()
    {
        var big = _temp.Write("big.md", new string('a', (int)(1.5 * 1024 * 1024)));
        var env = new Dictionary<string, string> { ["CrossCheck__Limits__MaxEssayMiB"] = "1" };
        AssertInputError(Check(big, _source, env), big, "over the 1 MiB limit");
    }

    [Fact]
    public void Check_WhenFailOnNamesUnknownVerdict_IsAUsageError()
    {
        var result = CliRunner.Run(_temp.Path, "check", _essay, "--source", _source, "--fail-on", "wrong");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown verdict 'wrong'", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenOptionIsUnknown_IsAUsageError()
    {
        var result = CliRunner.Run(_temp.Path, "check", _essay, "--frobnicate");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.StdErr, StringComparison.Ordinal);
    }
}
