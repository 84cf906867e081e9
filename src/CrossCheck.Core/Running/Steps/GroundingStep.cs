using CrossCheck.Checks;
using CrossCheck.Reports;

namespace CrossCheck.Running.Steps;

/// <summary>The offline grounding checker on every claim: quotes, numbers, sections, support, and its verdict.</summary>
public sealed class GroundingStep : IRunStep
{
    public string Name => "check";

    public Task RunAsync(RunState state, CancellationToken cancellationToken)
    {
        var claims = state.Claims;
        state.Groundings = new GroundingResult[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var grounding = state.Checker.Check(claims[i]);
            state.Groundings[i] = grounding;
            var record = GroundingRecord.From(grounding);
            state.Log.Append(new GroundingCheckEntry(claims[i].Id, GroundingChecker.PanelistName, record.Quotes, record.Numbers, record.Sections, record.Support,
                [.. record.Evidence.Select(e => e.PassageId)]));
            state.Log.Append(new Panel.VerdictEntry(claims[i].Id, GroundingChecker.PanelistName, grounding.Verdict, Reasons: grounding.Reasons, Final: state.Panel is null || !claims[i].Checkable));
            state.Report(Name, i + 1, claims.Count, claims[i].Id);
        }
        return Task.CompletedTask;
    }
}
