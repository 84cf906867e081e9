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

    /// <summary>
    /// In-process rounds: nine timed, after two that warm both sides up. With one warm-up round and five timed, the
    /// fourth timed round read 1.35 in each of three runs (tier-1 recompilation still under way), enough to move a median of five.
    /// </summary>
    private const int WarmRounds = 2;

    private const int TimedRounds = 9;

    public static void Run(string path, int pages, IReadOnlyList<string>? commands = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var parse = new List<double>();
        var load = new List<double>();
        var (parseCpu, loadCpu) = (new List<double>(), new List<double>());
        for (var round = 0; round < WarmRounds + TimedRounds; round++)
        {
            // Each side starts from a collected heap, as a process reading one source does (no side pays for the
            // garbage of the one before it), and the two take turns within a round.
            var (pdfpig, pdfpigCpu) = Timed(() =>
            {
                var letters = 0;
                using var pdf = PdfDocument.Open(File.ReadAllBytes(path));
                foreach (var page in pdf.GetPages())
                {
                    letters += page.Letters.Count;
                }
                return letters;
            });
            // What a user runs: the default limits (pages parsed in one thread, as PdfPig's parse above).
            var (ours, oursCpu) = Timed(() => new DocumentLoader().LoadSource(path, "S1"));
            if (round >= WarmRounds)
            {
                parse.Add(pdfpig);
                load.Add(ours);
                parseCpu.Add(pdfpigCpu);
                loadCpu.Add(oursCpu);
            }
        }
        var (p, l) = (Median(parse), Median(load));
        Console.WriteLine(string.Create(inv, $"in process ({Jit()}), median of {TimedRounds} alternating warm rounds (after {WarmRounds} untimed): PdfPig parse {p / pages * 1000:0.00} ms/page, CrossCheck load {l / pages * 1000:0.00} ms/page, ratio {l / p:0.00}"));
        Console.WriteLine(string.Create(inv, $"in process, same rounds, process CPU time: PdfPig parse {Median(parseCpu) / pages * 1000:0.00} ms/page, CrossCheck load {Median(loadCpu) / pages * 1000:0.00} ms/page, ratio {Median(loadCpu) / Median(parseCpu):0.00}"));
        Console.WriteLine(string.Create(inv, $"in process, rounds (wall ratio): {string.Join(" ", load.Zip(parse, (a, b) => (a / b).ToString("0.00", inv)))}"));

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
        foreach (var command in commands ?? [])
        {
            Extract(path, command);
        }
    }

    /// <summary>
    /// What a user runs to see what CrossCheck read, `crosscheck extract FILE -o OUT`, against `pdftotext FILE OUT`:
    /// whole processes started cold, taking turns, five rounds; the median of each and of the per-round ratios. Each
    /// round also starts PdfPig's own parse as a cold process (this bench's `pdfpig-file` child, one thread and two), so
    /// the extract can be set beside the library it is built on (run this bench from a ReadyToRun publish to set a
    /// ReadyToRun extract beside a ReadyToRun parse). CPU seconds are each child's own (its rusage).
    /// <paramref name="command"/> is a crosscheck.dll (run with dotnet) or an apphost.
    /// </summary>
    private static void Extract(string path, string command)
    {
        var inv = CultureInfo.InvariantCulture;
        var (file, prefix) = command.EndsWith(".dll", StringComparison.Ordinal) ? ("dotnet", new[] { command }) : (command, Array.Empty<string>());
        var self = Environment.ProcessPath!;
        string[] selfArgs = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [typeof(IngestCompare).Assembly.Location, "pdfpig-file", path] : ["pdfpig-file", path];
        (string Name, string File, string[] Args)[] contenders =
        [
            ("pdftotext", "pdftotext", ["-enc", "UTF-8", path, Path.ChangeExtension(path, ".pdftotext.txt")]),
            ("extract", file, [.. prefix, "extract", path, "-o", Path.ChangeExtension(path, ".crosscheck.txt")]),
            ("PdfPig parse (1 thread)", self, [.. selfArgs, "threads=1"]),
            ("PdfPig parse (2 threads)", self, [.. selfArgs, "threads=2"]),
        ];
        var wall = contenders.Select(_ => new List<double>()).ToArray();
        var cpu = contenders.Select(_ => new List<double>()).ToArray();
        var note = new string[contenders.Length];
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < contenders.Length; c++)
            {
                var before = ChildCpuSeconds();
                var run = Time(contenders[c].File, contenders[c].Args, likeTheCli: c >= 2);
                if (run is null)
                {
                    Console.WriteLine($"extract: {contenders[c].Name} failed{(c == 0 ? " or pdftotext is missing (apt-get install poppler-utils)" : "")}");
                    return;
                }
                wall[c].Add(run.Value.Seconds);
                cpu[c].Add(ChildCpuSeconds() - before);
                note[c] = run.Value.Output.Trim();
            }
        }
        var ratios = wall[1].Zip(wall[0], (a, b) => a / b).ToList();
        Console.WriteLine(string.Create(inv,
            $"whole process, {Path.GetFileName(command)} extract vs pdftotext, {Rounds} alternating cold rounds: pdftotext {Median(wall[0]):0.000} s, extract {Median(wall[1]):0.000} s; ratio median {Median(ratios):0.00} (rounds {string.Join(" ", ratios.Select(r => r.ToString("0.00", inv)))})"));
        for (var c = 0; c < contenders.Length; c++)
        {
            var cpuRatio = cpu[0].Count > 0 && Median(cpu[0]) > 0 ? (Median(cpu[c]) / Median(cpu[0])).ToString("0.00", inv) : "n/a";
            Console.WriteLine(string.Create(inv,
                $"  same rounds, {contenders[c].Name,-24} wall median {Median(wall[c]):0.000} s ({Median(wall[c]) / Median(wall[0]):0.00}x pdftotext), CPU median {Median(cpu[c]):0.000} s ({cpuRatio}x){(c >= 2 ? $"; {note[c]}" : "")}"));
        }
    }

    /// <summary>
    /// Whether this process runs with dynamic PGO, which more than halves PdfPig's warm parse time and barely changes
    /// CrossCheck's own share: the CLI runs without it (its csproj), this bench with it unless DOTNET_TieredPGO=0.
    /// </summary>
    private static string Jit() =>
        Environment.GetEnvironmentVariable("DOTNET_TieredPGO") == "0" || AppContext.GetData("System.Runtime.TieredPGO") is false or "false"
            ? "dynamic PGO off, as the CLI"
            : "dynamic PGO on, .NET's default";

    /// <summary>User + system CPU seconds of every child this process has waited for (getrusage RUSAGE_CHILDREN); NaN off Linux.</summary>
    private static double ChildCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }
        // struct rusage on 64-bit Linux: ru_utime and ru_stime (each seconds, microseconds), then 14 longs.
        var usage = new long[18];
        return GetRusage(-1, usage) == 0 ? usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6 : double.NaN;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, long[] usage);

    /// <summary>The `ingest-file` child: one source through load, passages and index; prints its peak working set.</summary>
    public static int IngestFile(string path, bool stages = false)
    {
        var clock = Stopwatch.StartNew();
        var document = new DocumentLoader().LoadSource(path, "S1");
        Stage(stages, "load");
        var load = clock.Elapsed.TotalSeconds;
        var passages = new PassageSplitter().Split(document);
        Stage(stages, "split");
        var split = clock.Elapsed.TotalSeconds - load;
        using var index = new Bm25Index(passages);
        Stage(stages, "index");
        _ = document.Normalized;
        Stage(stages, "normalise");
        var indexing = clock.Elapsed.TotalSeconds - load - split;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak_mib={process.PeakWorkingSet64 / 1024.0 / 1024.0:0} pages={document.Pages.Count} passages={passages.Count} load_s={load:0.00} split_s={split:0.00} index_s={indexing:0.00}"));
        return 0;
    }

    /// <summary>With --stages: the managed heap after a full collection and the peak working set so far, after each step.</summary>
    private static void Stage(bool on, string name)
    {
        if (!on)
        {
            return;
        }
        var live = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"after {name,-10} live {live / 1048576.0:0} MiB  peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB"));
    }

    private static (double Seconds, string Output)? Time(string file, string[] args, bool likeTheCli = false)
    {
        try
        {
            var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (likeTheCli)
            {
                // The CLI is built with TieredPGO off (src/CrossCheck.Cli/CrossCheck.Cli.csproj); this bench is not.
                start.Environment["DOTNET_TieredPGO"] = "0";
            }
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? (clock.Elapsed.TotalSeconds, output) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Wall and process CPU seconds of <paramref name="work"/>, started on a collected heap; its result is kept alive until timed.</summary>
    private static (double Wall, double Cpu) Timed<T>(Func<T> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = work();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var used = (process.TotalProcessorTime - cpu).TotalSeconds;
        GC.KeepAlive(result);
        return (wall, used);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
