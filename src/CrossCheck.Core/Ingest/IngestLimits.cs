namespace CrossCheck.Ingest;

/// <summary>Documented size limits: a file above them is refused with a clear message.</summary>
public sealed record IngestLimits
{
    public const long MiB = 1024 * 1024;

    /// <summary>Largest essay file accepted (default 10 MiB).</summary>
    public long MaxEssayBytes { get; init; } = 10 * MiB;

    /// <summary>Largest source file accepted (default 200 MiB).</summary>
    public long MaxSourceBytes { get; init; } = 200 * MiB;
}
