using System.Diagnostics;
using System.Text;
using CrossCheck.Ingest;
using CrossCheck.Samples;
using CrossCheck.Tests.Support;
using Xunit.Abstractions;

namespace CrossCheck.Tests.Safety;

/// <summary>
/// Hostile and large HTML sources: a million nested divs are refused in one line, a large page is read, and
/// cancellation (a token, or SIGTERM to the program) stops the read part-way instead of when the parse ends.
/// Times are printed for the record, never asserted (the CI machine is shared).
/// </summary>
public sealed class HtmlSourceTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_MillionNestedDivs_IsRefusedInOneLine()
    {
        var path = _temp.File("deep.html");
        File.WriteAllText(path, "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 1_000_000)) + "text" + string.Concat(Enumerable.Repeat("</div>", 1_000_000)) + "</body></html>");
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<InputException>(() => new DocumentLoader().LoadSource(path, "S1"));
        output.WriteLine($"1M nested divs refused in {clock.ElapsedMilliseconds} ms");
        Assert.Contains("levels deep", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Load_NestingJustUnderTheLimit_IsRead()
    {
        var path = _temp.File("deep-ok.html");
        File.WriteAllText(path, "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 500)) + "The model passed 12 of 14 tests." + string.Concat(Enumerable.Repeat("</div>", 500)) + "</body></html>");
        Assert.Contains("The model passed 12 of 14 tests.", new DocumentLoader().LoadSource(path, "S1").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PageDeclaringAnotherCharset_KeepsTheTextAsDecoded()
    {
        var path = _temp.File("meta.html");
        File.WriteAllText(path, "<html><head><meta charset=\"windows-1252\"></head><body><p>Café naïve – “quoted”</p></body></html>", new UTF8Encoding(false));
        Assert.Equal("Café naïve – “quoted”", new DocumentLoader().LoadSource(path, "S1").Text);
    }

    [Fact]
    public void Load_LargePage_CancelledPartWay_StopsWithCancellation()
    {
        // 50,000 paragraphs (about 5 MiB): long enough to parse that a cancellation at a quarter of that (or, on a fast
        // read, an eighth, … down to 1 ms) lands mid-parse.
        var path = WriteLargePage(_temp.File("large.html"), paragraphs: 50_000);
        var uncancelled = Stopwatch.StartNew();
        var text = new DocumentLoader().LoadSource(path, "S1").Text;
        uncancelled.Stop();
        Assert.Contains("paragraph 49999 ", text, StringComparison.Ordinal);

        // The first read pays the JIT and the machine's load varies, so a later read can be much faster than it: when a
        // read finishes before its cancellation fires, the next one is cancelled sooner (a quarter, an eighth, … of the time).
        var stopped = false;
        for (var after = Math.Max(1, uncancelled.ElapsedMilliseconds / 4); !stopped && after >= 1; after /= 2)
        {
            using var cts = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            cts.CancelAfter(TimeSpan.FromMilliseconds(after));
            try
            {
                new DocumentLoader().LoadSource(path, "S1", cts.Token);
                output.WriteLine($"read in {clock.ElapsedMilliseconds} ms before a cancellation at {after} ms fired");
            }
            catch (OperationCanceledException)
            {
                stopped = true;
                output.WriteLine($"{new FileInfo(path).Length / 1048576.0:0.0} MiB page: first read in {uncancelled.ElapsedMilliseconds} ms; " +
                    $"cancelled at {after} ms, stopped at {clock.ElapsedMilliseconds} ms");
            }
        }
        Assert.True(stopped, "no read of the page stopped when its cancellation fired");
    }

    [Fact]
    public async Task Check_SigtermWhileReadingALargeHtmlSource_EndsCancelledWithNoRunFolder()
    {
        var (essay, _) = SampleGenerator.Write(_temp.File("sample"));
        var path = WriteLargePage(_temp.File("large.html"), paragraphs: 400_000);
        using var process = CliRunner.Start(_temp.Path, null, "check", essay, "--source", path, "--out", "runs", "--run-id", "html");
        var stderr = new StringBuilder();
        var reading = new ManualResetEventSlim(false);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
            if (e.Data?.Contains("ingest", StringComparison.Ordinal) == true)
            {
                reading.Set();
            }
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // The first progress line comes as ingest starts; the small essay is read in milliseconds, the large page takes seconds,
        // so a moment later the program is reading the page.
        Assert.True(reading.Wait(TimeSpan.FromMinutes(2)) || process.HasExited, "no ingest progress line");
        await Task.Delay(300);
        Assert.False(process.HasExited, $"the program ended before SIGTERM: {stderr}");
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Kill(process.Id));
        var ended = process.WaitForExit(TimeSpan.FromMinutes(2));
        output.WriteLine($"{new FileInfo(path).Length / 1048576.0:0.0} MiB HTML source: exited {clock.ElapsedMilliseconds} ms after SIGTERM");
        if (!ended)
        {
            process.Kill(entireProcessTree: true);
        }
        Assert.True(ended, "the program did not end within 2 minutes of SIGTERM");
        Assert.Equal(130, process.ExitCode);
        await stdout;
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "runs", "html")), "a cancelled run left a complete-looking folder");
    }

    private static string WriteLargePage(string path, int paragraphs)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("<html><head><title>t</title></head><body>\n");
        for (var i = 0; i < paragraphs; i++)
        {
            writer.Write($"<div class=\"c\"><p>This is paragraph {i} of a large page, with <b>bold</b> and <i>italic</i> words.</p></div>\n");
        }
        writer.Write("</body></html>\n");
        return path;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    private static int Kill(int pid) => SysKill(pid, 15);
}
