using Microsoft.Extensions.Logging;

namespace CrossCheck.Running;

/// <summary>The run's log lines (<c>--verbose</c> shows the debug ones), source-generated.</summary>
internal static partial class RunLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "step {Step} started")]
    public static partial void StepStarted(ILogger logger, string step);

    [LoggerMessage(Level = LogLevel.Debug, Message = "step {Step} done in {Milliseconds:0} ms")]
    public static partial void StepDone(ILogger logger, string step, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} written to {Folder}")]
    public static partial void RunWritten(ILogger logger, string runId, string folder);
}
