namespace CrossCheck.Panel.Providers;

/// <summary>How a provider is asked for JSON when a request carries a schema.</summary>
public enum JsonMode
{
    /// <summary>Send the schema (OpenAI json_schema, Anthropic structured output, Ollama format).</summary>
    Schema,

    /// <summary>Ask only for a JSON object (json_object / Ollama "json"); the prompt carries the shape.</summary>
    Object,

    /// <summary>Ask for nothing: the server does not support a response format.</summary>
    None,
}
