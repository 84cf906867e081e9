using CrossCheck.Costs;
using CrossCheck.Models;
using CrossCheck.Provenance;

namespace CrossCheck.Panel;

/// <summary>
/// Prices each answer with the run's <see cref="CostMeter"/> and records it there, per stage and panelist, and hands
/// the price on in <see cref="ModelAnswer.CostUsd"/>. Answers from the cache or carried from an earlier run
/// (<c>--since</c>) cost nothing now and are not recorded; answers a resumed run reuses from its own log are, since
/// the run paid for them.
/// </summary>
public sealed class MeteredModelClient(IModelClient inner, CostMeter meter) : IModelClient
{
    public PanelistSpec Panelist => inner.Panelist;

    public async Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var answer = await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.Origin is "cache" or "since" or RecordedAnswers.UnpaidOrigin)
        {
            return answer;
        }
        var stage = CallScope.Current?.Stage ?? request.Stage;
        var cost = meter.Record(stage.Split('/')[0].ToLowerInvariant(), Panelist, answer.InputTokens, answer.OutputTokens).Cost;
        Telemetry.CrossCheckTelemetry.RecordCost(stage, Panelist, answer.Origin == "provider" ? cost : null);
        return answer with { CostUsd = cost };
    }
}
