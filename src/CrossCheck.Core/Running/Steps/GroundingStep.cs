using CrossCheck.Checks;
using CrossCheck.Reports;

namespace CrossCheck.Running.Steps;

/// <summary>
/// The offline grounding checker on every claim: quotes, numbers, sections, support, and its verdict. Claims are
/// checked on several threads (<see cref="Ingest.IngestLimits.Parallelism"/>; each check is independent), and their
/// records are written to the log in claim order on this thread while the next claims are being checked, so the
/// run's files do not depend on the number of threads.
/// </summary>
public sealed class GroundingStep : IRunStep
{
    public string Name => "check";

    public Task RunAsync(RunState state, CancellationToken cancellationToken)
    {
        var claims = state.Claims;
        state.Groundings = new GroundingResult[claims.Count];
        state.Checker.Prepare(claims.Any(c => c.Quotes.Count > 0));
        OrderedParallel.Run(claims.Count, state.Options.Limits.Parallelism, i => state.Checker.Check(claims[i]), (i, grounding) =>
        {
            state.Groundings[i] = grounding;
            var record = GroundingRecord.From(grounding);
            state.Log.Append(new GroundingCheckEntry(claims[i].Id, GroundingChecker.PanelistName, record.Quotes, record.Numbers, record.Sections, record.Support,
                [.. record.Evidence.Select(e => e.PassageId)]));
            state.Log.Append(new Panel.VerdictEntry(claims[i].Id, GroundingChecker.PanelistName, grounding.Verdict, Reasons: grounding.Reasons, Final: state.Panel is null || !claims[i].Checkable));
            state.Report(Name, i + 1, claims.Count, claims[i].Id);
        }, cancellationToken);
        return Task.CompletedTask;
    }
}
