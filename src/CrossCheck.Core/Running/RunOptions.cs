using CrossCheck.Checks;
using CrossCheck.Ingest;

namespace CrossCheck.Running;

/// <summary>What a <c>check</c> run is asked to do.</summary>
public sealed record RunOptions
{
    public required string EssayPath { get; init; }

    public required IReadOnlyList<string> SourcePaths { get; init; }

    /// <summary>The folder that holds run folders (default <c>runs</c>).</summary>
    public string OutputRoot { get; init; } = "runs";

    /// <summary>A run id to use instead of a generated one.</summary>
    public string? RunId { get; init; }

    public int EvidenceTokenBudget { get; init; } = 2000;

    /// <summary>Verdicts that make the run exit with code 1 when any claim gets one.</summary>
    public IReadOnlyList<Verdict> FailOn { get; init; } = [];

    public IngestLimits Limits { get; init; } = new();

    /// <summary>The command line as given, for the methodology note.</summary>
    public string CommandLine { get; init; } = "";
}
