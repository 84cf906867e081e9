using System.Diagnostics;
using System.Globalization;
using CrossCheck.Evidence;
using CrossCheck.Ingest;
using UglyToad.PdfPig;

namespace CrossCheck.Bench;

/// <summary>
/// CrossCheck's PDF ingest beside the tools it must keep up with, measured in one run on the same
/// file: PdfPig's own parse (open + every page's letters, no layout) against DocumentLoader, in
/// alternating rounds in this process; then whole processes started cold, one after the other:
/// poppler's pdftotext against `CrossCheck.Bench ingest-file` (load + passages + BM25 index),
/// with the child's peak working set.
/// </summary>
internal static class IngestCompare
{
    private const int Rounds = 5;

    public static void Run(string path, int pages)
    {
        var inv = CultureInfo.InvariantCulture;
        var parse = new List<double>();
        var load = new List<double>();
        for (var round = 0; round <= Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var letters = 0;
            using (var pdf = PdfDocument.Open(File.ReadAllBytes(path)))
            {
                foreach (var page in pdf.GetPages())
                {
                    letters += page.Letters.Count;
                }
            }
            var pdfpig = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var document = new DocumentLoader().LoadSource(path, "S1");
            var ours = clock.Elapsed.TotalSeconds;
            if (round > 0)
            {
                // Round 0 warms the JIT for both.
                parse.Add(pdfpig);
                load.Add(ours);
            }
            GC.KeepAlive(document);
        }
        var (p, l) = (Median(parse), Median(load));
        Console.WriteLine(string.Create(inv, $"in process, median of {Rounds} alternating warm rounds: PdfPig parse {p / pages * 1000:0.00} ms/page, CrossCheck load {l / pages * 1000:0.00} ms/page, ratio {l / p:0.00}"));

        var poppler = Time("pdftotext", ["-enc", "UTF-8", path, Path.ChangeExtension(path, ".txt")]);
        var self = Environment.ProcessPath!;
        var bench = typeof(IngestCompare).Assembly.Location;
        string[] selfArgs = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [bench, "ingest-file", path] : ["ingest-file", path];
        var whole = Time(self, selfArgs);
        if (poppler is { } pt && whole is { } cc)
        {
            Console.WriteLine(string.Create(inv, $"whole process, cold: pdftotext {pt.Seconds:0.000} s, CrossCheck ingest-file {cc.Seconds:0.000} s (peak {cc.Output.Trim()}), ratio {cc.Seconds / pt.Seconds:0.00}"));
        }
        else
        {
            Console.WriteLine($"whole process: {(poppler is null ? "pdftotext not found (apt-get install poppler-utils)" : "")} {(whole is null ? "ingest-file failed" : "")}");
        }
        Console.WriteLine(string.Create(inv, $"ingest_vs_pdfpig={l / p:0.00} whole_vs_pdftotext={(poppler is { } a && whole is { } b ? (b.Seconds / a.Seconds).ToString("0.00", inv) : "n/a")} pages={pages}"));
    }

    /// <summary>The `ingest-file` child: one source through load, passages and index; prints its peak working set.</summary>
    public static int IngestFile(string path)
    {
        var clock = Stopwatch.StartNew();
        var document = new DocumentLoader().LoadSource(path, "S1");
        var load = clock.Elapsed.TotalSeconds;
        var passages = new PassageSplitter().Split(document);
        var split = clock.Elapsed.TotalSeconds - load;
        using var index = new Bm25Index(passages);
        _ = document.Normalized;
        var indexing = clock.Elapsed.TotalSeconds - load - split;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak_mib={process.PeakWorkingSet64 / 1024.0 / 1024.0:0} pages={document.Pages.Count} passages={passages.Count} load_s={load:0.00} split_s={split:0.00} index_s={indexing:0.00}"));
        return 0;
    }

    private static (double Seconds, string Output)? Time(string file, string[] args)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? (clock.Elapsed.TotalSeconds, output) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
