using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using UglyToad.PdfPig;
using PdfPage = UglyToad.PdfPig.Content.Page;

namespace CrossCheck.Ingest;

/// <summary>
/// Reads every page's lines of a PDF. By default one parser, with the grouping of each page's letters into lines on a
/// second thread (<see cref="Pipelined"/>); on several parsers when asked and the document is long enough: each thread opens its
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
        if (degree == 1)
        {
            return parallelism == 1 || Environment.ProcessorCount < 2 ? OneThread(first) : Pipelined(first, count);
        }
        var pages = new PdfPageLines[count];
        var letters = new int[count];
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

    /// <summary>PdfPig's own page enumeration, as a plain read of the document does (Parallelism 1: everything on one thread).</summary>
    private static (List<PdfPageLines> Pages, int VisibleLetters) OneThread(PdfDocument pdf)
    {
        var read = new List<PdfPageLines>(pdf.NumberOfPages);
        var visibleLetters = 0;
        foreach (var page in pdf.GetPages())
        {
            read.Add(new PdfPageLines(page.Number, page.Width, page.Height, PdfLineReader.Read(page, out var visible)));
            visibleLetters += visible;
        }
        return (read, visibleLetters);
    }

    /// <summary>
    /// One parser, two stages: PdfPig parses the next pages on this thread while another thread groups the pages before
    /// them into lines (<see cref="PdfLineReader"/>, about a tenth of the work), so the two overlap on two cores. The
    /// same pages in the same order as <see cref="OneThread"/>; a failure is the one a single thread would have met
    /// first: a page the line reader failed on comes before any page the parser had reached.
    /// </summary>
    private static (List<PdfPageLines> Pages, int VisibleLetters) Pipelined(PdfDocument pdf, int count)
    {
        var read = new List<PdfPageLines>(count);
        var visibleLetters = 0;
        using var stop = new CancellationTokenSource();
        using var parsed = new BlockingCollection<PdfPage>(boundedCapacity: 4);
        var lines = Task.Run(() =>
        {
            try
            {
                foreach (var page in parsed.GetConsumingEnumerable())
                {
                    read.Add(new PdfPageLines(page.Number, page.Width, page.Height, PdfLineReader.Read(page, out var visible)));
                    visibleLetters += visible;
                }
            }
            catch
            {
                stop.Cancel();
                throw;
            }
        });
        ExceptionDispatchInfo? parseFailure = null;
        try
        {
            for (var number = 1; number <= count; number++)
            {
                parsed.Add(pdf.GetPage(number), stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The line reader failed: its exception is the one to report, below.
        }
        catch (Exception e)
        {
            parseFailure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            parsed.CompleteAdding();
        }
        // The line reader's failure first (its page comes before any the parser had reached), then the parser's.
        lines.GetAwaiter().GetResult();
        parseFailure?.Throw();
        return (read, visibleLetters);
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
