using CrossCheck.Costs;
using CrossCheck.Provenance;

namespace CrossCheck.Panel;

/// <summary>Which exceptions of a model call are the call's own failure (recorded, and the stage answers "failed") rather than the run's end.</summary>
public static class ModelCallFailure
{
    /// <summary>
    /// True for a provider error, a timeout or an unusable answer; false for a <c>--max-cost</c> refusal, a replay
    /// that meets a call its log never recorded, and the run's own cancellation: those stop the run.
    /// </summary>
    public static bool IsCallFailure(Exception e, CancellationToken cancellationToken) =>
        e is not BudgetExceededException && e is not ReplayGapException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested);
}
