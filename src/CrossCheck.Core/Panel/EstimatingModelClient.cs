using System.Text.Json;
using CrossCheck.Costs;
using CrossCheck.Models;

namespace CrossCheck.Panel;

/// <summary>
/// The stand-in client of <c>--estimate</c>: it calls nothing and answers each stage with a
/// placeholder of the expected length, so the later stages' requests have realistic sizes. Its
/// answers only feed the token count; they are never written to a report or a log.
/// </summary>
public sealed class EstimatingModelClient(PanelistSpec panelist, CostEstimator estimator) : IModelClient
{
    public PanelistSpec Panelist => panelist;

    public Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var output = estimator.OutputTokens(request);
        var filler = new string('x', Math.Max(0, output * 4 - 120));
        object answer = request.Stage switch
        {
            "extract" => new { claims = Array.Empty<object>() },
            "draft" => new { proposition = filler, required_evidence = "", key_terms = Array.Empty<string>() },
            "attack" => new { challenges = new[] { new { type = "none", argument = filler, citations = Array.Empty<object>() } }, proposed_verdict = "supported" },
            "reconcile" => new { verdict = "supported", rationale = filler, suggested_correction = "", citations = Array.Empty<object>() },
            _ => new { verdict = "supported", confidence = 0.5, rationale = filler, citations = Array.Empty<object>() },
        };
        return Task.FromResult(new ModelAnswer(JsonSerializer.Serialize(answer), CostEstimator.InputTokens(request), output, null, TimeSpan.Zero) { Origin = "estimate" });
    }
}
