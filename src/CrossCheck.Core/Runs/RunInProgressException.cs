namespace CrossCheck.Runs;

/// <summary>Another live process owns this run (or an identical one): its OS lock is held. Exit code 7.</summary>
public sealed class RunInProgressException(string message) : Exception(message);
