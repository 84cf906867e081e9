namespace CrossCheck.Ingest;

/// <summary>
/// An error the user can fix (missing file, bad PDF, wrong encoding...). Its message is one
/// line that names the file and says what to do; the host prints it and exits with code 2.
/// </summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);
