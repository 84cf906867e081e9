using System.Diagnostics;
using CrossCheck.Models;

namespace CrossCheck.Telemetry;

/// <summary>
/// Middleware (outermost) that makes each model call a client span named and tagged after the OpenTelemetry GenAI
/// semantic conventions (<c>chat {model}</c>, <c>gen_ai.*</c>), and records token usage, call duration, calls by
/// origin and cache hits. Prompts and answers are not put on spans: they are in the provenance log.
/// </summary>
public sealed class TelemetryModelClient(IModelClient inner) : IModelClient
{
    public PanelistSpec Panelist => inner.Panelist;

    public async Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var panelist = inner.Panelist;
        using var activity = CrossCheckTelemetry.Source.StartActivity($"chat {panelist.Model}", ActivityKind.Client);
        activity?.SetTag("gen_ai.operation.name", "chat");
        activity?.SetTag("gen_ai.provider.name", panelist.Provider);
        activity?.SetTag("gen_ai.request.model", panelist.Model);
        activity?.SetTag("gen_ai.request.max_tokens", request.MaxTokens);
        activity?.SetTag("gen_ai.request.temperature", request.Temperature);
        activity?.SetTag("crosscheck.stage", request.Stage);
        var started = Stopwatch.GetTimestamp();
        var tags = new TagList
        {
            { "gen_ai.operation.name", "chat" },
            { "gen_ai.provider.name", panelist.Provider },
            { "gen_ai.request.model", panelist.Model },
        };
        try
        {
            var answer = await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("crosscheck.origin", answer.Origin);
            activity?.SetTag("gen_ai.response.model", answer.ModelVersion ?? panelist.Model);
            activity?.SetTag("gen_ai.usage.input_tokens", answer.InputTokens);
            activity?.SetTag("gen_ai.usage.output_tokens", answer.OutputTokens);
            var origin = new TagList { { "gen_ai.provider.name", panelist.Provider }, { "gen_ai.request.model", panelist.Model }, { "crosscheck.origin", answer.Origin } };
            CrossCheckTelemetry.Calls.Add(1, origin);
            if (answer.Origin == "cache")
            {
                CrossCheckTelemetry.CacheHits.Add(1, origin);
            }
            if (answer.Origin == "provider")
            {
                // Tokens and duration are the provider's: a cached or logged answer spent none.
                var input = tags;
                input.Add("gen_ai.token.type", "input");
                CrossCheckTelemetry.TokenUsage.Record(answer.InputTokens, input);
                var output = tags;
                output.Add("gen_ai.token.type", "output");
                CrossCheckTelemetry.TokenUsage.Record(answer.OutputTokens, output);
                CrossCheckTelemetry.OperationDuration.Record(answer.Latency.TotalSeconds, tags);
            }
            return answer;
        }
        catch (Exception e)
        {
            // The type only: a provider's message is not shown to a collector (the provenance log keeps it, redacted).
            activity?.SetStatus(ActivityStatusCode.Error);
            activity?.SetTag("error.type", e.GetType().FullName);
            tags.Add("error.type", e.GetType().FullName);
            CrossCheckTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            throw;
        }
    }
}
