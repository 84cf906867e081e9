namespace CrossCheck.Server.Runs;

/// <summary>Where a submitted run stands. Queued and Running are unfinished: a restart picks them up again.</summary>
public enum RunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
