namespace CrossCheck.Cli;

/// <summary>The documented exit codes of the <c>crosscheck</c> command.</summary>
public static class ExitCodes
{
    /// <summary>The run finished (whatever the verdicts, unless --fail-on says otherwise).</summary>
    public const int Ok = 0;

    /// <summary>--fail-on named a verdict and at least one claim received it.</summary>
    public const int FailOnVerdictFound = 1;

    /// <summary>Usage or input error: bad option, missing or unreadable file, bad PDF, empty essay...</summary>
    public const int UsageOrInput = 2;

    /// <summary>verify-log found the chain broken; providers --ping found a provider that did not answer.</summary>
    public const int VerificationFailed = 4;

    /// <summary>--max-cost was reached: the run stopped early and its report is marked incomplete.</summary>
    public const int BudgetReached = 5;

    /// <summary>The panel degraded: a panelist failed more than 20% of its calls (see PanelistUsage); --allow-degraded turns this into 0.</summary>
    public const int PanelDegraded = 6;

    /// <summary>An unexpected internal error (a bug: please report it with the message).</summary>
    public const int Internal = 3;

    /// <summary>Cancelled by Ctrl+C or SIGTERM; no run folder is left looking complete.</summary>
    public const int RunInProgress = 7;
    public const int Cancelled = 130;

    public const string Help =
        "Exit codes: 0 done; 1 a verdict named by --fail-on was found; 2 usage or input error; 3 internal error; 4 verification failed (verify-log, providers --ping); 5 --max-cost reached, report incomplete; 6 panel degraded (a panelist failed more than 20% of its calls, or fewer model families answered than asked; --allow-degraded to accept); 7 the same run is already in progress in another process; 130 cancelled.";
}
