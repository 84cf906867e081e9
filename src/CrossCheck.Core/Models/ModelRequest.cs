namespace CrossCheck.Models;

/// <summary>
/// One call to a model. Untrusted text (essay, sources) travels only inside <see cref="UserContent"/>
/// as plain message content, never as template markup.
/// </summary>
public sealed record ModelRequest(
    string Stage,
    string SystemPrompt,
    string UserContent,
    string? JsonSchema = null,
    double? Temperature = 0,
    int MaxTokens = 2048);
