namespace CrossCheck.Server.Jobs;

/// <summary>Another live worker holds the run's lease; the job is tried again later.</summary>
public sealed class RunLeasedException(string message) : Exception(message);
