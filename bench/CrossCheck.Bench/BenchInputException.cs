namespace CrossCheck.Bench;

/// <summary>A data file the harness cannot use; the message names it and says what to do.</summary>
internal sealed class BenchInputException(string message) : Exception(message);
