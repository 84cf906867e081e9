using UglyToad.PdfPig.Fonts.SystemFonts;

namespace CrossCheck.Ingest;

/// <summary>
/// PdfPig's one-time set-up, started early on another thread: the first document it opens first parses the metrics of
/// the 14 standard fonts from its resources (about 0.1 s of a cold process, docs/benchmarks.md §5). Started when a
/// command knows it will read a PDF, it runs while the command reads its configuration, the file and its structure, instead
/// of after them. A document opened before it finishes waits for it (the runtime runs a type's set-up once); a failure
/// here is left for the document's own open to meet and report.
/// </summary>
public static class PdfWarmUp
{
    private static int _started;

    /// <summary>Starts the set-up once per process; later calls do nothing.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0 || Environment.ProcessorCount < 2)
        {
            return;
        }
        ThreadPool.UnsafeQueueUserWorkItem(static _ =>
        {
            try
            {
                _ = SystemFontFinder.Instance;
            }
            catch (Exception)
            {
                // Met again, and reported with the file's name, when the document is opened.
            }
        }, null);
    }

    /// <summary>Starts the set-up when <paramref name="path"/> names a PDF (by its extension).</summary>
    public static void StartFor(string path)
    {
        if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            Start();
        }
    }
}
