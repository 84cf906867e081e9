namespace CrossCheck.Tests.Emulator;

/// <summary>A raw request as received, in arrival order.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    EmulatedRequest? Parsed)
{
    /// <summary>
    /// When its connection was accepted (every request has its own connection), on the emulator's dedicated accept
    /// thread, before the request is read: a rate measured from these does not depend on how late a loaded machine
    /// gets round to reading it.
    /// </summary>
    public DateTimeOffset Arrived { get; init; }
}
