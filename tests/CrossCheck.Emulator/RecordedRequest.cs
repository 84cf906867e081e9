namespace CrossCheck.Tests.Emulator;

/// <summary>A raw request as received, in arrival order.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    EmulatedRequest? Parsed);
