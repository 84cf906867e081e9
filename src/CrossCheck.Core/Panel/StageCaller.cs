using System.Text.Json;
using CrossCheck.Checks;
using CrossCheck.Evidence;
using CrossCheck.Models;
using CrossCheck.Panel.Prompts;
using CrossCheck.Provenance;

namespace CrossCheck.Panel;

/// <summary>
/// Asks one panelist at one stage: renders the stage's prompt around the data, calls the panelist's client (whose
/// middleware, <see cref="CallMiddleware"/>, gates the call on the budget, records it in the provenance log and its cost
/// in the meter), parses the answer against the stage's schema with one repair attempt, and checks every citation
/// against the sources (recorded in the log). A stage that gives no usable answer
/// comes back <see cref="PanelAnswer.Failed"/>, never as an exception (budget refusals and cancellation aside).
/// </summary>
public sealed class StageCaller(
    IReadOnlyDictionary<PanelistSpec, IModelClient> clients,
    PromptLibrary prompts,
    QuoteCheck quotes,
    ProvenanceLog? log)
{
    private readonly CitationChecker _citations = new(quotes);

    /// <param name="reserve">Hold this call's estimate against --max-cost (calls outside a claim's own reservation).</param>
    public Task<PanelAnswer> AskAsync(Stage stage, PanelistSpec panelist, int round, string claimId, object data, bool reserve, CancellationToken cancellationToken) =>
        AskAsync(stage, panelist, round, claimId, data, null, reserve, cancellationToken);

    /// <param name="evidence">The passages shown to the model as E1, E2…: a citation must stand in the one it names.</param>
    /// <param name="reserve">Hold this call's estimate against --max-cost (calls outside a claim's own reservation).</param>
    public async Task<PanelAnswer> AskAsync(Stage stage, PanelistSpec panelist, int round, string claimId, object data, IReadOnlyList<Passage>? evidence, bool reserve, CancellationToken cancellationToken)
    {
        using var span = Telemetry.CrossCheckTelemetry.StartStage(stage.PromptName(), panelist, claimId, round);
        var template = prompts[stage.PromptName()];
        var system = await PromptLibrary.RenderSystemAsync(template).ConfigureAwait(false);
        var request = new ModelRequest(stage.Key(), system, DataEnvelope.Wrap(data), template.Schema, template.Temperature, template.MaxTokens);
        var (answer, error) = await CallAsync(stage.PromptName(), panelist, round, claimId, template, request, reserve, cancellationToken).ConfigureAwait(false);
        var stats = answer is null ? CallStats.None : new CallStats(answer.InputTokens, answer.OutputTokens, answer.Latency.TotalMilliseconds, 1, false, CallStats.FirstOrigin(answer) == "cache", answer.ModelVersion) { Origin = CallStats.FirstOrigin(answer) };
        if (answer is null)
        {
            return Failed(stage, panelist, round, template, "", error!, stats);
        }
        var (parsed, problem) = AnswerParser.Parse(answer.Text, template.Schema);
        var raw = answer.Text;
        if (problem is not null)
        {
            var repair = prompts[Stage.Repair.PromptName()];
            var repairSystem = await PromptLibrary.RenderSystemAsync(repair, new Dictionary<string, string> { ["problem"] = problem, ["form"] = template.Schema ?? "a JSON object" }).ConfigureAwait(false);
            var repairRequest = new ModelRequest(Stage.Repair.Key(), repairSystem, DataEnvelope.Wrap(new { previous_answer = answer.Text }), template.Schema, template.Temperature, repair.MaxTokens);
            var (repaired, repairError) = await CallAsync(stage.RepairOf(), panelist, round, claimId, repair, repairRequest, reserve, cancellationToken).ConfigureAwait(false);
            stats = stats with { Calls = 2, Repaired = true };
            if (repaired is null)
            {
                return Failed(stage, panelist, round, template, raw, $"invalid answer ({problem}); the repair call failed: {repairError}", stats);
            }
            stats = stats with { InputTokens = stats.InputTokens + repaired.InputTokens, OutputTokens = stats.OutputTokens + repaired.OutputTokens, LatencyMs = stats.LatencyMs + repaired.Latency.TotalMilliseconds };
            raw = repaired.Text;
            (parsed, var secondProblem) = AnswerParser.Parse(repaired.Text, template.Schema);
            if (secondProblem is not null)
            {
                return Failed(stage, panelist, round, template, answer.Text + "\n---\n" + repaired.Text, $"invalid answer after one repair: {secondProblem}", stats);
            }
        }
        var verdict = AnswerParser.ReadVerdict(parsed, stage == Stage.Attack ? "proposed_verdict" : "verdict");
        var rationale = parsed is { } p && p.TryGetProperty("rationale", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        var citations = AnswerParser.ReadCitations(parsed).Select(c => _citations.Check(c, evidence)).ToArray();
        if (citations.Length > 0)
        {
            log?.Append(new CitationCheckEntry(claimId, stage.PromptName(), panelist.Id, round, citations.Count(c => c.Verified), citations.Length,
                [.. citations.Select(CitationCheckEntry.Checked.From)]));
        }
        return new PanelAnswer(stage.PromptName(), panelist, round, verdict, rationale, citations, parsed, raw, null, stats, template.Id, template.Hash);
    }

    private static PanelAnswer Failed(Stage stage, PanelistSpec panelist, int round, PromptTemplate template, string raw, string error, CallStats stats) =>
        new(stage.PromptName(), panelist, round, null, null, [], null, raw, error, stats, template.Id, template.Hash);

    private async Task<(ModelAnswer? Answer, string? Error)> CallAsync(string stage, PanelistSpec panelist, int round, string claimId, PromptTemplate template, ModelRequest request, bool reserve, CancellationToken cancellationToken)
    {
        // The client's middleware (CallMiddleware: budget, provenance, metering) reads what the call is for from here.
        using var scope = CallScope.Enter(new CallContext(claimId, stage, panelist.Id) { Round = round, Prompt = Prompt(template), Reserve = reserve });
        try
        {
            return (await clients[panelist].CompleteAsync(request, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (ModelCallFailure.IsCallFailure(e, cancellationToken))
        {
            return (null, e.Message.Split('\n')[0]);
        }
    }

    private static PromptRef Prompt(PromptTemplate template) => new(template.Name, template.Version, template.Hash);

}
