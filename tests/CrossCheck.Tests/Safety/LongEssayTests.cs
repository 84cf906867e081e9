using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;
using Xunit.Abstractions;

namespace CrossCheck.Tests.Safety;

/// <summary>
/// Long essays stay within documented bounds: at most 2,000 claims a run (CrossCheck:Limits:MaxClaims), refused
/// in one line with exit 2 above it; report.html at most 16 MiB and each further page (report-2.html…) at most
/// 8 MiB, with the full detail of at most 250 claims a page, problems first. The 10 MiB essay runs in a process of its
/// own, whose peak memory is measured and bounded; the others run through <see cref="CliRunner.Run(string, string[])"/>.
/// </summary>
public sealed partial class LongEssayTests(ITestOutputHelper output) : IDisposable
{
    private const long ReportBound = 16L << 20;
    private const long PageBound = 8L << 20;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Essay(int sentences)
    {
        var rng = new Random(20261129);
        string[] words = ["model", "system", "evaluation", "tests", "accuracy", "safety", "benchmark", "results", "training", "agent", "review", "release"];
        var text = new StringBuilder("# A long essay\n\n");
        for (var i = 0; i < sentences; i++)
        {
            var sentence = string.Join(' ', Enumerable.Range(0, 12).Select(_ => words[rng.Next(words.Length)]));
            text.Append(char.ToUpperInvariant(sentence[0])).Append(sentence[1..]).Append($" scored {rng.Next(1, 99)}.{rng.Next(10)}% on run {i}.");
            text.Append(i % 5 == 4 ? "\n\n" : " ");
        }
        return text.ToString();
    }

    /// <summary>Runs the program, sampling its peak resident memory while it runs.</summary>
    private (CliRunner.Result Result, long PeakBytes, long Millis) Run(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        using var process = CliRunner.Start(_temp.Path, env, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(200))
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                break; // it ended between the two calls
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("crosscheck did not finish within 10 minutes");
            }
        }
        process.WaitForExit();
        return (new CliRunner.Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult()), peak, clock.ElapsedMilliseconds);
    }

    [Fact]
    public void Check_EssayOfAThousandClaims_CompletesWithReportPagesUnderTheirBounds()
    {
        var essay = _temp.Write("long.md", Essay(1000));
        var (_, source) = SampleGenerator.Write(_temp.File("sample"));
        // Through CliRunner (a warm CLI host: no start-up paid); peak memory is measured on the 10 MiB essay below.
        var clock = Stopwatch.StartNew();
        var result = CliRunner.Run(_temp.Path, "check", essay, "--source", source, "--out", "runs", "--run-id", "long", "--quiet");
        var millis = clock.ElapsedMilliseconds;
        Assert.True(result.ExitCode == 0, result.StdErr);
        var folder = Path.Combine(_temp.Path, "runs", "long");
        var report = new FileInfo(Path.Combine(folder, "report.html"));
        var pages = Directory.GetFiles(folder, "report-*.html").Order(StringComparer.Ordinal).Select(p => new FileInfo(p)).ToArray();
        output.WriteLine($"1,000 claims: {millis} ms, report.html {report.Length / 1048576.0:0.0} MiB, " +
            $"{pages.Length} further page(s) of {string.Join(", ", pages.Select(p => $"{p.Length / 1048576.0:0.0}"))} MiB");

        Assert.True(report.Length < ReportBound, $"report.html is {report.Length:N0} bytes");
        Assert.Equal(3, pages.Length); // 1,000 claims at 250 a page: report.html and report-2..4.html
        Assert.All(pages, p => Assert.True(p.Length < PageBound, $"{p.Name} is {p.Length:N0} bytes"));

        // Every claim's full detail is on exactly one page; report.html points to the page of each of the others.
        var all = new[] { report }.Concat(pages).ToArray();
        var detailed = all.SelectMany(p => FullDetail().Matches(File.ReadAllText(p.FullName)).Select(m => m.Groups[1].Value)).ToArray();
        Assert.Equal(1000, detailed.Length);
        Assert.Equal(1000, detailed.Distinct(StringComparer.Ordinal).Count());
        var first = File.ReadAllText(report.FullName);
        Assert.Equal(250, FullDetail().Matches(first).Count);
        Assert.Equal(750, Regex.Matches(first, "is on <a href=\"report-[234]\\.html#C[0-9]+\">").Count);
        // Problems first: report.html details the worst claims; here the grounding checker finds most numbers absent.
        Assert.DoesNotContain("data-final=\"supported\"", FullDetail().Matches(first).Select(m => m.Value), StringComparer.Ordinal);
    }

    [Fact]
    public void Check_EssayOverTheClaimLimit_IsRefusedInOneLineBeforeAnyFolder()
    {
        var essay = _temp.Write("long.md", Essay(300));
        var (_, source) = SampleGenerator.Write(_temp.File("sample"));
        var env = new Dictionary<string, string> { ["CrossCheck__Limits__MaxClaims"] = "100" };
        var result = CliRunner.Run(_temp.Path, env, "check", essay, "--source", source, "--out", "runs", "--quiet");
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("over the limit of 100 per run", line, StringComparison.Ordinal);
        Assert.Contains("CrossCheck:Limits:MaxClaims", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "runs")) && Directory.EnumerateFileSystemEntries(Path.Combine(_temp.Path, "runs")).Any());
    }

    [Fact]
    public void Check_TenMebibyteEssayUnderTheSizeLimit_IsRefusedByTheClaimLimitWithinBoundedMemory()
    {
        var text = Essay(84_000);
        Assert.InRange(Encoding.UTF8.GetByteCount(text), 9L << 20, 10L << 20); // under the 10 MiB essay size limit
        var essay = _temp.Write("huge.md", text);
        var (_, source) = SampleGenerator.Write(_temp.File("sample"));
        var (result, peak, millis) = Run(null, "check", essay, "--source", source, "--out", "runs", "--quiet");
        output.WriteLine($"{new FileInfo(essay).Length / 1048576.0:0.0} MiB essay: exit {result.ExitCode} after {millis} ms, peak memory {peak / 1048576.0:0} MiB");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("more than 2,000 claims, over the limit of 2,000 per run", Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.True(peak < 2L << 30, $"peak memory {peak:N0} bytes refusing a long essay");
    }

    [GeneratedRegex("<section class=\"detail\" id=\"detail-(C[0-9]+)\"[^>]*>\\s*<div class=\"detail-head\"><span class=\"badge [^\"]*\" data-final=\"[a-z_]+\">[^<]*</span><span class=\"cid\">[^<]*</span><span class=\"kind-pill\">")]
    private static partial Regex FullDetail();
}
