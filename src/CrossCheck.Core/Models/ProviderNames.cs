namespace CrossCheck.Models;

/// <summary>Canonical provider names and the aliases accepted in <c>--panel</c> and configuration.</summary>
public static class ProviderNames
{
    public const string OpenAI = "openai";
    public const string Anthropic = "anthropic";
    public const string Gemini = "gemini";
    public const string XAI = "xai";
    public const string Ollama = "ollama";
    public const string Azure = "azure";
    public const string Compat = "compat";

    public static IReadOnlyList<string> BuiltIn { get; } = [OpenAI, Anthropic, Gemini, XAI, Ollama, Azure, Compat];

    /// <summary>Lower-cases a name and maps aliases (<c>google</c>, <c>openai-compatible</c>, <c>azure-openai</c>) to canonical names.</summary>
    public static string Canonical(string name)
    {
        string n = name.Trim().ToLowerInvariant();
        return n switch
        {
            "google" => Gemini,
            "grok" => XAI,
            "openai-compatible" or "openai_compatible" => Compat,
            "azure-openai" or "azureopenai" => Azure,
            _ => n,
        };
    }

    /// <summary><c>CROSSCHECK_{NAME}_{suffix}</c> with the name upper-cased and non-alphanumerics as underscores.</summary>
    public static string Variable(string providerName, string suffix) =>
        "CROSSCHECK_" + new string(providerName.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()) + "_" + suffix;
}
