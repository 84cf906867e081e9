using System.Diagnostics;
using System.IO.Compression;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;

namespace CrossCheck.Tests.Cli;

/// <summary>
/// SLOW (a tool install, a run): the CLI's tool package, packed from the CLI as built (<c>dotnet pack --no-build</c>,
/// which the test project's build does into <c>tool-feed</c> beside this assembly: CrossCheck.Tests.csproj), is checked,
/// installed into a temporary tool path from that local folder feed, and <c>crosscheck check</c> is run from a temporary
/// folder, as a user who ran <c>dotnet tool install</c> would.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    [Trait("Category", "Slow")]
    public void Pack_InstallAsTool_RunsCheckFromAnyFolder()
    {
        var feed = Path.Combine(AppContext.BaseDirectory, "tool-feed");
        var tools = _temp.File("tools");
        var work = _temp.File("work");
        Directory.CreateDirectory(work);

        // Packed by the build (the CLI as built with this test assembly, same configuration, --no-build): packing here
        // would compress the same 100 MB of assemblies on every test run.
        Assert.True(Directory.Exists(feed), $"no tool package at {feed}: the test project's build packs it (target PackCliForToolPackageTests)");
        var package = Assert.Single(Directory.GetFiles(feed, "CrossCheck.*.nupkg"));
        using (var zip = ZipFile.OpenRead(package))
        {
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("tools/net10.0/any/crosscheck.dll", names);
            Assert.Contains("tools/net10.0/any/CrossCheck.Core.dll", names);
            Assert.Contains("LICENSE", names);
            using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            var manifest = nuspec.ReadToEnd();
            Assert.Contains("<packageType name=\"DotnetTool\" />", manifest, StringComparison.Ordinal);
            Assert.DoesNotContain("<dependency id=\"CrossCheck.Core\"", manifest, StringComparison.Ordinal);
            // The start-up setting chosen in docs/benchmarks.md travels with the tool.
            using var config = new StreamReader(zip.GetEntry("tools/net10.0/any/crosscheck.runtimeconfig.json")!.Open());
            Assert.Contains("\"System.Runtime.TieredPGO\": false", config.ReadToEnd(), StringComparison.Ordinal);
        }

        var version = Path.GetFileNameWithoutExtension(package)["CrossCheck.".Length..];
        // The local feed is the only package source (no remote feed is asked about a package that is only in it).
        var sources = _temp.Write("nuget.config",
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /><add key=\"tool-feed\" value=\"{System.Security.SecurityElement.Escape(feed)}\" /></packageSources></configuration>\n");
        Run(work, "dotnet", "tool", "install", "CrossCheck", "--tool-path", tools, "--configfile", sources, "--version", version);
        var crosscheck = Path.Combine(tools, OperatingSystem.IsWindows() ? "crosscheck.exe" : "crosscheck");
        Assert.True(File.Exists(crosscheck), "the tool's command was not installed");

        var (essay, source) = SampleGenerator.Write(Path.Combine(work, "in"));
        var (code, stdout, stderr) = Run(work, crosscheck, ["check", essay, "--source", source, "--run-id", "tool-run", "--quiet", "--json"], allowFailure: true);

        Assert.True(code == 0, stderr + stdout);
        Assert.True(File.Exists(Path.Combine(work, "runs", "tool-run", "report.html")), stderr + stdout);
        Assert.Contains("\"run_folder\"", stdout, StringComparison.Ordinal);
    }

    private static (int Code, string StdOut, string StdErr) Run(string workingDirectory, string program, params string[] args) =>
        Run(workingDirectory, program, args, allowFailure: false);

    private static (int Code, string StdOut, string StdErr) Run(string workingDirectory, string program, string[] args, bool allowFailure)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["CrossCheck__CachePath"] = Path.Combine(workingDirectory, "responses-cache.db");
        start.Environment["CROSSCHECK_KEY_DIR"] = Path.Combine(Path.GetTempPath(), "crosscheck-tests-signing-key");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within 8 minutes");
        }
        if (!allowFailure && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
