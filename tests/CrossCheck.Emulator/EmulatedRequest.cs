using System.Text.Json;

namespace CrossCheck.Tests.Emulator;

/// <summary>
/// One request as the emulator saw it, parsed enough that a script can key its answer on it
/// (provider, model, and the text of every message).
/// </summary>
public sealed record EmulatedRequest(
    WireFormat Format,
    string Provider,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? Model,
    IReadOnlyList<EmulatedMessage> Messages,
    bool Stream)
{
    /// <summary>Every message's text joined with newlines, system prompt first.</summary>
    public string MessageText => string.Join("\n", Messages.Select(m => m.Content));

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>The body parsed as JSON (throws if the client sent something else).</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }
}

