using System.Security.Cryptography;
using System.Text;
using CrossCheck.Models;
using CrossCheck.Provenance;

namespace CrossCheck.Panel;

/// <summary>
/// Writes every model call to the run's provenance log, as its <see cref="CallContext"/> names it: the request (its
/// hash, the system prompt's hash, the data) with the answer, usage, latency, origin and cost, or the error that ended
/// it. A call whose answer the log already holds (resume, replay) is named as reused, not recorded twice.
/// </summary>
public sealed class ProvenanceModelClient(IModelClient inner, ProvenanceLog log) : IModelClient
{
    public PanelistSpec Panelist => inner.Panelist;

    public async Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var call = CallScope.Current ?? new CallContext("", request.Stage, Panelist.Id);
        var requestHash = ModelRequestHash.Compute(Panelist, request);
        var prompt = call.Prompt ?? new PromptRef(request.Stage, "", "");
        ModelAnswer answer;
        try
        {
            answer = await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ModelCallFailure.IsCallFailure(e, cancellationToken))
        {
            log.Append(new ModelCallEntry(call.Claim, call.Stage, call.Round, Panelist.Id, Panelist.Provider, Panelist.Model, Panelist.Family, prompt, requestHash,
                SystemSha256: null, request.UserContent, Error: e.Message.Split('\n')[0]));
            throw;
        }
        if (answer.Origin is "log" or RecordedAnswers.UnpaidOrigin)
        {
            log.Append(new ModelCallReusedEntry(call.Claim, call.Stage, call.Round, Panelist.Id, requestHash));
            return answer;
        }
        log.Append(new ModelCallEntry(call.Claim, call.Stage, call.Round, Panelist.Id, Panelist.Provider, Panelist.Model, Panelist.Family, prompt, requestHash,
            Sha(request.SystemPrompt), request.UserContent, answer.Text, new TokenUsage(answer.InputTokens, answer.OutputTokens), answer.Latency.TotalMilliseconds,
            answer.ModelVersion, answer.Origin, answer.CostUsd));
        return answer;
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
