using CrossCheck.Models;

namespace CrossCheck.Panel.Providers;

/// <summary>
/// Parses <c>--panel anthropic:claude-opus-4-6,openai:gpt-5.2-pro,google:gemini-3-pro,xai:grok-4.1</c>.
/// Each member is <c>provider:model</c>, optionally <c>provider:model@family</c>; only the first colon
/// separates, so Ollama tags such as <c>ollama:llama3.2:3b</c> work.
/// </summary>
public static class PanelParser
{
    /// <summary>
    /// Parses the panel text. With a registry, configured provider names and families are honoured;
    /// without one only the built-in providers are known. Keys are not checked here
    /// (see <see cref="ProviderRegistry.Validate"/>). Throws <see cref="ProviderConfigurationException"/>.
    /// </summary>
    public static IReadOnlyList<PanelistSpec> Parse(string panel, ProviderRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var result = new List<PanelistSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in panel.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == raw.Length - 1)
            {
                throw new ProviderConfigurationException(
                    $"Panel member '{raw}' must be written provider:model, e.g. openai:gpt-5.2 or anthropic:claude-opus-4-6.");
            }

            string provider = raw[..colon].Trim().ToLowerInvariant();
            string model = raw[(colon + 1)..].Trim();
            string? family = null;
            int at = model.LastIndexOf('@');
            if (at > 0)
            {
                family = model[(at + 1)..].Trim().ToLowerInvariant();
                model = model[..at].Trim();
                if (family.Length == 0)
                {
                    throw new ProviderConfigurationException($"Panel member '{raw}' has an empty family after '@'.");
                }
            }

            string canonical = ProviderNames.Canonical(provider);
            bool known = registry?.IsKnown(canonical) ?? ProviderNames.BuiltIn.Contains(canonical);
            if (!known)
            {
                throw new ProviderConfigurationException(
                    $"Panel member '{raw}': unknown provider '{provider}'; use one of {string.Join(", ", ProviderNames.BuiltIn)} (google = gemini), or configure it under {ProviderRegistry.ConfigurationSection}.");
            }

            family ??= registry?.Get(canonical).Family ?? DefaultFamily(canonical, model);
            if (!seen.Add($"{canonical}:{model}"))
            {
                throw new ProviderConfigurationException($"Panel member '{raw}' appears twice; each panelist must be distinct.");
            }

            result.Add(new PanelistSpec(provider, model, family));
        }

        if (result.Count == 0)
        {
            throw new ProviderConfigurationException(
                "The panel is empty: list members as provider:model separated by commas, e.g. anthropic:claude-opus-4-6,openai:gpt-5.2.");
        }

        return result;
    }

    /// <summary>The family of a built-in provider; for compatible servers, inferred from the model name.</summary>
    public static string DefaultFamily(string provider, string model) => ProviderNames.Canonical(provider) switch
    {
        ProviderNames.Anthropic => "anthropic",
        ProviderNames.OpenAI or ProviderNames.Azure => "openai",
        ProviderNames.Gemini => "google",
        ProviderNames.XAI => "xai",
        ProviderNames.Ollama => "local",
        _ => InferFamily(model) ?? ProviderNames.Compat,
    };

    /// <summary>
    /// Family from a model name served by a compatible server: known model prefixes first, then the
    /// owner segment of <c>owner/model</c> (OpenRouter style); null when nothing is recognised.
    /// </summary>
    public static string? InferFamily(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string m = model.ToLowerInvariant();
        string name = m.Contains('/', StringComparison.Ordinal) ? m[(m.LastIndexOf('/') + 1)..] : m;
        if (name.StartsWith("claude", StringComparison.Ordinal)) return "anthropic";
        if (name.StartsWith("gpt", StringComparison.Ordinal) || name.StartsWith("o1", StringComparison.Ordinal)
            || name.StartsWith("o3", StringComparison.Ordinal) || name.StartsWith("o4", StringComparison.Ordinal)) return "openai";
        if (name.StartsWith("gemini", StringComparison.Ordinal) || name.StartsWith("gemma", StringComparison.Ordinal)) return "google";
        if (name.StartsWith("grok", StringComparison.Ordinal)) return "xai";
        if (name.StartsWith("llama", StringComparison.Ordinal)) return "meta";
        if (name.StartsWith("qwen", StringComparison.Ordinal)) return "qwen";
        if (name.StartsWith("mistral", StringComparison.Ordinal) || name.StartsWith("mixtral", StringComparison.Ordinal)) return "mistral";
        if (name.StartsWith("deepseek", StringComparison.Ordinal)) return "deepseek";
        if (m.Contains('/', StringComparison.Ordinal)) return m[..m.IndexOf('/', StringComparison.Ordinal)];
        return null;
    }
}
