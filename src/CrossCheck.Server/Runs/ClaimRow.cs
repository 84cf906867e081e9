namespace CrossCheck.Server.Runs;

/// <summary>
/// One claim of a planned run in the run store: <c>pending</c> until a worker has checked it (<c>checked</c>) or the
/// run's budget left it out (<c>unchecked</c>); the attempt counts the workers that took its lease.
/// </summary>
public sealed record ClaimRow(string ClaimId, string State, int Attempt, string? LeaseOwner)
{
    public const string Pending = "pending";
    public const string Checked = "checked";
    public const string Unchecked = "unchecked";
}
