namespace CrossCheck.Server.Runs;

/// <summary>What was submitted: the stored file names (under the run's inputs folder) and the run's options.</summary>
public sealed record RunSubmission
{
    /// <summary>The essay's path relative to the run's inputs folder (<c>essay/&lt;name&gt;</c>).</summary>
    public required string Essay { get; init; }

    /// <summary>Each source's path relative to the run's inputs folder (<c>sources/&lt;n&gt;/&lt;name&gt;</c>).</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    public string? Panel { get; init; }

    public int? Rounds { get; init; }

    public bool Extract { get; init; } = true;

    public decimal? MaxCost { get; init; }

    public int? Budget { get; init; }
}
