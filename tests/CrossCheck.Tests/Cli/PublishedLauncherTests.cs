using CrossCheck.Tests.Architecture;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Cli;

/// <summary>
/// A linux publish's <c>crosscheck</c> is the native launcher (src/CrossCheck.Launcher, Native AOT): it reads
/// <c>extract FILE [-o OUT]</c> itself and execs <c>crosscheck-dotnet</c>, the .NET program, for anything else. These
/// tests run the published folder named by CROSSCHECK_TEST_PUBLISH (.ci/run publishes one; the compile takes minutes, so
/// the test build does not) and compare the two programs' output byte for byte; without the variable they are skipped.
/// The launcher's own <c>extract</c> is compared with the .NET program as the other tests run it (<see cref="CliRunner.Run(string, IReadOnlyDictionary{string, string}?, string[])"/>:
/// the same source, without a fresh .NET process to start for each file); what the launcher hands on is compared with
/// the published <c>crosscheck-dotnet</c> itself.
/// </summary>
public sealed class PublishedLauncherTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Folder => Environment.GetEnvironmentVariable(PublishedFactAttribute.Variable)!;

    private static string Native => Path.Combine(Folder, "crosscheck");

    private static string DotNet => Path.Combine(Folder, "crosscheck-dotnet");

    public static TheoryData<string> Sources => new(
        Path.Combine("samples", "source.pdf"),
        Path.Combine("samples", "essay.md"),
        Path.Combine("tests", "corpus", "engines", "browser-print.html"),
        Path.Combine("tests", "corpus", "engines", "latex-twocol.pdf"),
        Path.Combine("tests", "corpus", "engines", "writer-export.pdf"),
        Path.Combine("tests", "corpus", "engines", "zwsp-browser.pdf"),
        Path.Combine("tests", "corpus", "engines", "browser-print.pdf"));

    [PublishedFact]
    public void ThePublishedCrosscheck_IsMachineCode_AndTheDotNetProgramIsBesideIt()
    {
        Assert.True(File.Exists(Native), $"{Native} is missing");
        Assert.True(File.Exists(DotNet), $"{DotNet} is missing: the publish did not put the launcher in front");
        Assert.True(File.Exists(Path.Combine(Folder, "crosscheck.dll")));
        // A Native AOT program carries the runtime: tens of MiB, where the .NET apphost is under 1 MiB.
        Assert.True(new FileInfo(Native).Length > 8 << 20, $"{Native} is {new FileInfo(Native).Length} bytes: not the native launcher");
        Assert.True(new FileInfo(DotNet).Length < 1 << 20);
    }

    [PublishedTheory]
    [MemberData(nameof(Sources))]
    public void Extract_TheLauncherWritesWhatTheDotNetProgramWrites(string source)
    {
        var path = Path.Combine(SourceTree.Root, source);

        var native = Run(Native, "extract", path);
        var dotnet = DotNetProgram("extract", path);

        Assert.True(native.ExitCode == 0, native.StdErr);
        Assert.Contains("page(s)", native.StdErr, StringComparison.Ordinal);
        Assert.Equal(dotnet, native);
    }

    [PublishedFact]
    public void ExtractToAFile_TheLauncherWritesTheSameBytes_AndSaysWhere()
    {
        var path = Path.Combine(SourceTree.Root, "tests", "corpus", "engines", "latex-twocol.pdf");

        var native = Run(Native, "extract", path, "-o", _temp.File("native.txt"));
        var dotnet = DotNetProgram("extract", path, "--out", _temp.File("dotnet.txt"));

        Assert.True(native.ExitCode == 0 && dotnet.ExitCode == 0, native.StdErr + dotnet.StdErr);
        Assert.Equal("", native.StdOut);
        Assert.Contains("text in " + _temp.File("native.txt"), native.StdErr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(_temp.File("dotnet.txt")), File.ReadAllBytes(_temp.File("native.txt")));
    }

    [PublishedFact]
    public void Extract_BadInput_OneLineAndExit2_AsTheDotNetProgramSaysIt()
    {
        File.WriteAllBytes(_temp.File("corrupt.pdf"), BadFiles.CorruptPdf());
        File.WriteAllBytes(_temp.File("encrypted.pdf"), BadFiles.EncryptedPdf());
        File.WriteAllBytes(_temp.File("binary.txt"), BadFiles.Binary());
        foreach (var name in new[] { "corrupt.pdf", "encrypted.pdf", "binary.txt", "missing.pdf" })
        {
            var native = Run(Native, "extract", _temp.File(name));

            Assert.Equal(2, native.ExitCode);
            Assert.StartsWith("crosscheck: error: ", native.StdErr, StringComparison.Ordinal);
            Assert.Single(native.StdErr.TrimEnd('\n').Split('\n'));
            Assert.Equal(DotNetProgram("extract", _temp.File(name)), native);
        }
    }

    [PublishedFact]
    public void OtherCommands_AreTheDotNetProgramsOwn_OutputAndExitCode()
    {
        var pdf = Path.Combine(SourceTree.Root, "samples", "source.pdf");
        string[][] commands =
        [
            ["--version"],
            ["extract", pdf, "--sections"],
            ["verify-log", _temp.File("no-such-run")],
            ["check", "--no-such-option"],
        ];
        foreach (var args in commands)
        {
            var native = Run(Native, args);
            var dotnet = Run(DotNet, args);

            Assert.Equal(dotnet, native);
        }
        Assert.Equal(0, Run(Native, "--version").ExitCode);
        Assert.Equal(2, Run(Native, "check", "--no-such-option").ExitCode);
    }

    [PublishedFact]
    public void AnotherCommand_KeepsTheLaunchersProcess()
    {
        // exec, not a child: the .NET program runs as the process the caller started (the same id), so signals and
        // waiting on it reach the program itself.
        string[] args = ["check", "-", "--source", Path.Combine(SourceTree.Root, "samples", "source.pdf"), "--out", _temp.File("runs")];
        using var process = CliRunner.StartExecutable(Native, _temp.Path, args, redirectInput: true);
        Assert.True(SpinWait.SpinUntil(() => Program(process.Id) is null || Program(process.Id)!.EndsWith("/crosscheck-dotnet", StringComparison.Ordinal), TimeSpan.FromMinutes(1)),
            $"process {process.Id} runs {Program(process.Id)}, not crosscheck-dotnet");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write("The sky is blue.");
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(CliRunner.Timeout));
        Assert.True(process.ExitCode == 0, stdout.Result + stderr.Result);
        Assert.Single(Directory.GetDirectories(_temp.File("runs")));
    }

    /// <summary>The program file process <paramref name="id"/> runs now; null once it has ended.</summary>
    private static string? Program(int id)
    {
        try
        {
            return File.ResolveLinkTarget($"/proc/{id}/exe", returnFinalTarget: false)?.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private CliRunner.Result Run(string program, params string[] args) => CliRunner.SpawnExecutable(program, _temp.Path, args);

    private CliRunner.Result DotNetProgram(params string[] args) => CliRunner.Run(_temp.Path, null, args);
}

/// <summary>A fact about the published folder of CROSSCHECK_TEST_PUBLISH; skipped with the reason when it is not set.</summary>
public sealed class PublishedFactAttribute : FactAttribute
{
    public const string Variable = "CROSSCHECK_TEST_PUBLISH";

    public PublishedFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: publish with `dotnet publish src/CrossCheck.Cli -c Release -r linux-x64 -o DIR` and set it to DIR (.ci/run does)";
        }
    }
}

/// <summary>The theory form of <see cref="PublishedFactAttribute"/>.</summary>
public sealed class PublishedTheoryAttribute : TheoryAttribute
{
    public PublishedTheoryAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PublishedFactAttribute.Variable)))
        {
            Skip = new PublishedFactAttribute().Skip;
        }
    }
}
