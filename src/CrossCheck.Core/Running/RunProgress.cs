namespace CrossCheck.Running;

/// <summary>Progress of a run: the stage, how much of it is done, and a line to show.</summary>
public sealed record RunProgress(string Stage, int Done, int Total, string? Detail = null);
