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
            state.Log.Append("check", new { claim = claims[i].Id, panelist = GroundingChecker.PanelistName, quotes = record.Quotes, numbers = record.Numbers, sections = record.Sections, support = record.Support, evidence = record.Evidence.Select(e => e.PassageId) });
            state.Log.Append("verdict", new { claim = claims[i].Id, panelist = GroundingChecker.PanelistName, verdict = grounding.Verdict, reasons = grounding.Reasons, final = state.Panel is null || !claims[i].Checkable });
            state.Report(Name, i + 1, claims.Count, claims[i].Id);
        }
        return Task.CompletedTask;
    }
}
