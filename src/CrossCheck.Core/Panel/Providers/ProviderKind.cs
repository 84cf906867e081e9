namespace CrossCheck.Panel.Providers;

/// <summary>The transport a provider is reached through.</summary>
public enum ProviderKind
{
    /// <summary>api.openai.com: Chat Completions, or the Responses API for models served only there.</summary>
    OpenAI,

    /// <summary>Anthropic Messages API through the official SDK.</summary>
    Anthropic,

    /// <summary>Google Gemini through its OpenAI-compatible endpoint.</summary>
    Gemini,

    /// <summary>xAI Grok through its OpenAI-compatible endpoint.</summary>
    XAI,

    /// <summary>A local or remote Ollama server through OllamaSharp.</summary>
    Ollama,

    /// <summary>Azure OpenAI through its OpenAI-compatible v1 endpoint (<c>{endpoint}/openai/v1</c>).</summary>
    AzureOpenAI,

    /// <summary>Any OpenAI-compatible server (vLLM, llama.cpp, LM Studio, OpenRouter), key optional.</summary>
    OpenAICompatible,
}
