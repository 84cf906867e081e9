namespace CrossCheck.Panel.Providers;

/// <summary>
/// One provider as resolved from built-in defaults, the <c>CrossCheck:Providers</c> configuration
/// section and the environment. It names the variable that holds the API key but never holds the
/// key itself, so it is safe to print or log.
/// </summary>
public sealed record ProviderOptions
{
    /// <summary>Canonical provider name, e.g. <c>openai</c>, <c>gemini</c>, or a configured name.</summary>
    public required string Name { get; init; }

    public required ProviderKind Kind { get; init; }

    /// <summary>API root: <c>/chat/completions</c> (or <c>/responses</c>) is appended for OpenAI-style providers;
    /// for Anthropic and Ollama it is the server root; for Azure the resource endpoint.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Environment variables that may hold the key, first match wins; empty when none is used.</summary>
    public IReadOnlyList<string> ApiKeyVariables { get; init; } = [];

    /// <summary>False for servers that work without a key (Ollama, OpenAI-compatible servers).</summary>
    public bool KeyRequired { get; init; } = true;

    /// <summary>Model family used by the rotation rules; null lets the panel parser infer it from the model name.</summary>
    public string? Family { get; init; }

    /// <summary>Azure only: an <c>api-version</c> query value; null uses the v1 API without one.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Model used by <c>crosscheck providers --ping</c>.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Models to send to the Responses API besides those recognised by name (<c>*-pro</c>).</summary>
    public IReadOnlyList<string> ResponsesModels { get; init; } = [];

    public JsonMode JsonMode { get; init; } = JsonMode.Schema;

    /// <summary>Where the provider came from: <c>environment</c>, <c>configuration</c>, or <c>default</c>.</summary>
    public string Source { get; init; } = "default";
}
