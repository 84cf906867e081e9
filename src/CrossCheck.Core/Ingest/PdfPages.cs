using System.Runtime.ExceptionServices;
using UglyToad.PdfPig;

namespace CrossCheck.Ingest;

/// <summary>
/// Reads every page's lines of a PDF, on several threads when asked and the document is long enough: each thread opens its
/// own <see cref="PdfDocument"/> over the same bytes (one document is not safe across threads; two are) and reads
/// one contiguous run of pages into its slots, so the pages come out in order and the same for any number of threads.
/// A failure is the one a single thread would have met first: the lowest page that fails.
/// </summary>
internal static class PdfPages
{
    /// <summary>Fewest pages worth another parser (opening a document again costs about as much as a few pages).</summary>
    private const int MinPagesPerThread = 16;

    public static (List<PdfPageLines> Pages, int VisibleLetters) Read(byte[] bytes, PdfDocument first, int parallelism)
    {
        var count = first.NumberOfPages;
        // Only when asked for (Parallelism above 1), not by default: PdfPig takes one process-wide lock for every
        // content-stream operator it reads, and on a busy 2-core machine two parsers contending for it used 1.5-2x the
        // CPU and twice the time of one (docs/benchmarks.md §5).
        var degree = parallelism > 1 ? Math.Clamp(Math.Min(parallelism, count / MinPagesPerThread), 1, 64) : 1;
        var pages = new PdfPageLines[count];
        var letters = new int[count];
        if (degree == 1)
        {
            // One thread: PdfPig's own page enumeration, as a plain read of the document does.
            var read = new List<PdfPageLines>(count);
            var visibleLetters = 0;
            foreach (var page in first.GetPages())
            {
                read.Add(new PdfPageLines(page.Number, page.Width, page.Height, PdfLineReader.Read(page, out var visible)));
                visibleLetters += visible;
            }
            return (read, visibleLetters);
        }
        var gate = new object();
        var failedAt = int.MaxValue;
        Exception? failure = null;
        int FailedAt()
        {
            lock (gate)
            {
                return failedAt;
            }
        }
        Parallel.For(0, degree, new ParallelOptions { MaxDegreeOfParallelism = degree }, w =>
        {
            var from = 1 + (int)((long)w * count / degree);
            var to = (int)((long)(w + 1) * count / degree);
            PdfDocument? own = null;
            var at = from;
            try
            {
                var pdf = w == 0 ? first : own = PdfDocument.Open(bytes);
                ReadRange(pdf, from, to, pages, letters, FailedAt, p => at = p);
            }
            catch (Exception e)
            {
                lock (gate)
                {
                    if (at < failedAt)
                    {
                        (failedAt, failure) = (at, e);
                    }
                }
            }
            finally
            {
                own?.Dispose();
            }
        });
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
        return ([.. pages], letters.Sum());
    }

    /// <summary>Pages <paramref name="from"/> to <paramref name="to"/> (1-based, inclusive); stops early once a page before it has failed elsewhere.</summary>
    private static void ReadRange(PdfDocument pdf, int from, int to, PdfPageLines[] pages, int[] letters, Func<int> failedAt, Action<int>? reading = null)
    {
        for (var number = from; number <= to && number < failedAt(); number++)
        {
            reading?.Invoke(number);
            var page = pdf.GetPage(number);
            pages[number - 1] = new PdfPageLines(page.Number, page.Width, page.Height, PdfLineReader.Read(page, out var visible));
            letters[number - 1] = visible;
        }
    }
}
