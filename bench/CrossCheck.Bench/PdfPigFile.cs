using System.Diagnostics;
using System.Globalization;
using UglyToad.PdfPig;

namespace CrossCheck.Bench;

/// <summary>
/// The `pdfpig-file` child of `ingest --compare --cli`: PdfPig's own parse of a PDF (open + every page's letters, no
/// layout, nothing of CrossCheck) as a whole process started cold, so `crosscheck extract` can be set beside the
/// library it is built on as well as beside pdftotext. With <c>threads</c> above 1, that many documents over the same
/// bytes each parse one contiguous run of pages (what <c>Ingest/PdfPages</c> does with <c>Parallelism</c> above 1).
/// Prints the letters read (the same for any number of threads), the process CPU time and the collections run.
/// </summary>
internal static class PdfPigFile
{
    public static int Run(string path, int threads)
    {
        var bytes = File.ReadAllBytes(path);
        var letters = 0L;
        if (threads <= 1)
        {
            using var pdf = PdfDocument.Open(bytes);
            foreach (var page in pdf.GetPages())
            {
                letters += page.Letters.Count;
            }
        }
        else
        {
            int count;
            using (var first = PdfDocument.Open(bytes))
            {
                count = first.NumberOfPages;
            }
            var perThread = new long[threads];
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, w =>
            {
                using var pdf = PdfDocument.Open(bytes);
                for (var number = 1 + (int)((long)w * count / threads); number <= (int)((long)(w + 1) * count / threads); number++)
                {
                    perThread[w] += pdf.GetPage(number).Letters.Count;
                }
            });
            letters = perThread.Sum();
        }
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"letters={letters} cpu_s={process.TotalProcessorTime.TotalSeconds:0.000} gc0={GC.CollectionCount(0)} gc1={GC.CollectionCount(1)} gc2={GC.CollectionCount(2)} allocated_mib={GC.GetTotalAllocatedBytes() / 1048576}"));
        return 0;
    }
}
