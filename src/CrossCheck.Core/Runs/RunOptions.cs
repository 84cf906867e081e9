using CrossCheck.Checks;
using CrossCheck.Ingest;
using CrossCheck.Models;

namespace CrossCheck.Runs;

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

    /// <summary>The LLM panel, in rotation order; empty for a grounding-only run.</summary>
    public IReadOnlyList<Models.PanelistSpec> Panel { get; init; } = [];

    public Panel.PanelOptions PanelOptions { get; init; } = new();

    /// <summary>Stop starting model calls once the run's cost would pass this many US dollars.</summary>
    public decimal? MaxCost { get; init; }

    /// <summary>Resume this unfinished run (its <c>.&lt;id&gt;.partial</c> folder must exist).</summary>
    public string? ResumeRunId { get; init; }

    /// <summary>Resume the newest unfinished run made with the same inputs and settings, if there is one.</summary>
    public bool AutoResume { get; init; } = true;

    /// <summary>Set by <c>crosscheck replay</c>.</summary>
    public ReplaySpec? Replay { get; init; }

    /// <summary>A folder of stage prompts to use instead of the bundled ones.</summary>
    public string? PromptsFolder { get; init; }

    /// <summary>How report.html's "open at page" links reach the sources: copied into the run folder, linked there, or not at all.</summary>
    public SourceLinkMode SourceLinks { get; init; } = SourceLinkMode.Copy;

    /// <summary><c>--since</c>: an earlier run folder of this essay whose answers unchanged claims keep.</summary>
    public string? Since { get; init; }

    /// <summary>The command line as given, for the methodology note.</summary>
    public string CommandLine { get; init; } = "";
}
