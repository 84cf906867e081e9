namespace CrossCheck.Server.Runs;

/// <summary>A submitted run as the API shows it: owner, status, progress per claim, and at the end its verdict counts.</summary>
public sealed record RunRecord
{
    public required string Id { get; init; }

    public required string Owner { get; init; }

    public RunStatus Status { get; init; } = RunStatus.Queued;

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset Updated { get; init; }

    public required RunSubmission Submission { get; init; }

    /// <summary>The step the run is in (ingest, open, index, claims, check, panel, report).</summary>
    public string? Stage { get; init; }

    public int Done { get; init; }

    public int Total { get; init; }

    public IReadOnlyList<ClaimProgress> Claims { get; init; } = [];

    /// <summary>Final verdict counts of a finished run.</summary>
    public IReadOnlyDictionary<string, int>? Verdicts { get; init; }

    /// <summary>False when --max-cost left claims unchecked.</summary>
    public bool? Complete { get; init; }

    public string? Error { get; init; }

    public bool CancelRequested { get; init; }

    /// <summary>True once the run is planned and its claims handed out as jobs of their own (see <c>Jobs/ClaimJob</c>).</summary>
    public bool Planned { get; init; }

    /// <summary>How many times a worker has started this run (1 for a run that never had to be picked up again).</summary>
    public int Attempt { get; init; }

    public bool Finished => Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled;
}
