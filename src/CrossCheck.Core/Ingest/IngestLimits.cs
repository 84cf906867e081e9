namespace CrossCheck.Ingest;

/// <summary>Documented size limits: a file above them is refused with a clear message.</summary>
public sealed record IngestLimits
{
    public const long MiB = 1024 * 1024;

    /// <summary>Largest essay file accepted (default 10 MiB).</summary>
    public long MaxEssayBytes { get; init; } = 10 * MiB;

    /// <summary>Largest source file accepted (default 200 MiB).</summary>
    public long MaxSourceBytes { get; init; } = 200 * MiB;

    /// <summary>Most bytes a PDF's compressed streams may inflate to (default 512 MiB): a compression bomb is refused.</summary>
    public long MaxPdfDecodedBytes { get; init; } = 512 * MiB;

    /// <summary>Most pages a PDF may have (default 5,000).</summary>
    public int MaxPages { get; init; } = 5000;

    /// <summary>
    /// Most claims one run checks (default 2,000; CrossCheck:Limits:MaxClaims). It keeps a run's memory, time and
    /// reports within the bounds the README gives; a longer essay is refused in one line before any folder is made.
    /// </summary>
    public int MaxClaims { get; init; } = 2000;

    /// <summary>Deepest element nesting accepted in an HTML source (default 512).</summary>
    public int MaxHtmlDepth { get; init; } = 512;

    /// <summary>
    /// Most threads a run's offline checks use (default 0: one per core; 1: everything on one thread). PDF pages are
    /// parsed on several threads only when this is set above 1 (see PdfPages). The work is split so that the results,
    /// and every file a run writes, are the same for any value.
    /// </summary>
    public int Parallelism { get; init; }

    /// <summary>Refuse damaged inputs (a PDF whose structure had to be repaired) instead of warning (--strict-inputs).</summary>
    public bool StrictInputs { get; init; }
}
