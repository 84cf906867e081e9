using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CrossCheck.Models;

/// <summary>Logs each model call at debug level (<c>--verbose</c>): stage, panelist, where the answer came from, tokens and time.</summary>
public sealed partial class LoggingModelClient(IModelClient inner, ILogger logger) : IModelClient
{
    public PanelistSpec Panelist => inner.Panelist;

    public async Task<ModelAnswer> CompleteAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
            CallAnswered(logger, request.Stage, Panelist.Id, answer.Origin, answer.InputTokens, answer.OutputTokens, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return answer;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CallFailed(logger, request.Stage, Panelist.Id, e.Message.Split('\n')[0]);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Stage} call to {Panelist} answered from {Origin}: {InputTokens}+{OutputTokens} tokens in {Milliseconds:0} ms")]
    private static partial void CallAnswered(ILogger logger, string stage, string panelist, string origin, int inputTokens, int outputTokens, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Stage} call to {Panelist} failed: {Error}")]
    private static partial void CallFailed(ILogger logger, string stage, string panelist, string error);
}
