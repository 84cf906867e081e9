using Microsoft.Extensions.Logging;

namespace CrossCheck.Server;

/// <summary>The server's log lines, source-generated.</summary>
internal static partial class ServeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} started (attempt {Attempt})")]
    public static partial void RunStarted(ILogger logger, string runId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} {Outcome}")]
    public static partial void RunFinished(ILogger logger, string runId, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "run {RunId} failed with an internal error")]
    public static partial void RunCrashed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} was unfinished at start; queued again")]
    public static partial void RunRequeued(ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} submitted by {Owner}")]
    public static partial void RunSubmitted(ILogger logger, string runId, string owner);
}
