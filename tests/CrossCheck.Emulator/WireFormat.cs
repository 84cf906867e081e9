namespace CrossCheck.Tests.Emulator;

/// <summary>The wire protocol a request to the emulator was made in.</summary>
public enum WireFormat
{
    OpenAIChat,
    OpenAIResponses,
    AnthropicMessages,
    OllamaChat,
}
