namespace CrossCheck.Cli;

/// <summary>Carries the exit code from the hosted worker back to the command.</summary>
public sealed class JobOutcome
{
    public int? ExitCode { get; set; }
}
